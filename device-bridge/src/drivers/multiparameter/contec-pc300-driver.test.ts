import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimulatedTransport } from '../../simulator/simulated-transport';
import { simulatedPc300 } from '../../simulator/vendor-peripherals';
import { encodePc300NibpError } from '../../simulator/vendor-encoders';
import { bytesToHex } from '../../transport/hex';
import type { MeasurementProgress } from '../driver';
import { rejectionOf, withFakeTime } from '../testing/run-with-fake-time';
import { ContecPc300Driver } from './contec-pc300-driver';

const START = 'aa5540020129';
const STOP = 'aa55400202cb';

describe('ContecPc300Driver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when measuring blood pressure, then it starts the pump, reports the cuff and returns the result without a stop', async () => {
    const transport = new SimulatedTransport(simulatedPc300());
    const progress: MeasurementProgress[] = [];
    const measurement = await withFakeTime(new ContecPc300Driver().measure(transport, { onProgress: (p) => progress.push(p) }));
    expect(measurement.reading).toEqual({
      kind: 'nibp-result',
      systolic: 128,
      diastolic: 82,
      meanArterialPressure: 97,
      pulseRate: 72,
      irregularPulse: false,
      unit: 'mm[Hg]',
    });
    expect(transport.writes.map((w) => w.hex)).toEqual([START]);
    expect(progress.some((p) => p.kind === 'cuff-pressure')).toBe(true);
  });

  it('when the blood pressure measurement is cancelled, then stop is written so the cuff deflates', async () => {
    const transport = new SimulatedTransport(simulatedPc300());
    const controller = new AbortController();
    const measuring = new ContecPc300Driver().measure(transport, { signal: controller.signal });
    measuring.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(3_000);
    controller.abort();
    expect(await rejectionOf(measuring)).toMatchObject({ code: 'aborted' });
    expect(transport.writes.map((w) => w.hex)).toEqual([START, STOP]);
  });

  it('when the monitor reports a blood pressure error, then the measurement is incomplete with its code', async () => {
    const peripheral = simulatedPc300();
    const notify = peripheral.services[0].characteristics[0].uuid;
    peripheral.reactions[1].batches = [
      [{ kind: 'notify', characteristic: notify, hex: bytesToHex(encodePc300NibpError(3)), delayMs: 5_000 }],
    ];
    const error = await rejectionOf(new ContecPc300Driver().measure(new SimulatedTransport(peripheral)));
    expect(error).toMatchObject({ code: 'measurement-incomplete' });
    expect(error.message).toContain('error code 3');
  });

  it('when measuring SpO2, then probe-off frames are skipped and the fifth valid one is returned', async () => {
    const transport = new SimulatedTransport(simulatedPc300());
    const measurement = await withFakeTime(new ContecPc300Driver().measure(transport, { parameter: 'spo2' }));
    expect(measurement.reading).toEqual({ kind: 'spo2', spo2Percent: 97, pulseRate: 70, perfusionIndexPercent: 5.2 });
    expect(transport.writes).toEqual([]);
  });

  it('when measuring temperature, then the first temperature frame is the reading', async () => {
    const measurement = await withFakeTime(
      new ContecPc300Driver().measure(new SimulatedTransport(simulatedPc300({ celsius: 37.25 })), { parameter: 'temperature' }),
    );
    expect(measurement.reading).toEqual({ kind: 'temperature', celsius: 37.25 });
  });

  it('when a frame fails its CRC, then the measurement is refused and the cuff told to deflate', async () => {
    const transport = new SimulatedTransport(simulatedPc300({ fault: 'bad-bytes' }));
    const error = await rejectionOf(new ContecPc300Driver().measure(transport));
    expect(error).toMatchObject({ name: 'MeasurementFormatError', field: 'checksum' });
    expect(transport.writes.map((w) => w.hex)).toEqual([START, STOP]);
  });
});
