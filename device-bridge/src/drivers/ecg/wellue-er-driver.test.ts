import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulatedWellueEr1 } from '../../simulator/ecg-peripherals';
import { SimulatedTransport } from '../../simulator/simulated-transport';
import { encodeErRealTimeResponse } from '../../simulator/vendor-encoders';
import { bytesToHex } from '../../transport/hex';
import { encodeErRealTimeRequest, ER_MV_PER_COUNT } from '../../vendor/wellue-er';
import type { MeasurementProgress } from '../driver';
import { rejectionOf, withFakeTime } from '../testing/run-with-fake-time';
import { WellueErEcgDriver } from './wellue-er-driver';

describe('WellueErEcgDriver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when the patch is pressed on after two polls, then the recording starts there and holds 3750 counts at 125 Hz', async () => {
    const transport = new SimulatedTransport(simulatedWellueEr1());
    const progress: MeasurementProgress[] = [];
    const measurement = await withFakeTime(
      new WellueErEcgDriver({ pollIntervalMs: 0 }).measure(transport, { onProgress: (p) => progress.push(p) }),
    );
    expect(progress.slice(0, 2)).toEqual([{ kind: 'ecg-waiting-for-contact' }, { kind: 'ecg-waiting-for-contact' }]);
    expect(measurement.strip).toMatchObject({ sampleRateHz: 125, unit: 'mV', scale: ER_MV_PER_COUNT });
    expect(measurement.strip.leads.I).toHaveLength(3750);
    expect(measurement.heartRate.bpm).toBeCloseTo(72, -0.5);
    expect(transport.writes[0].hex).toBe(bytesToHex(encodeErRealTimeRequest(0)));
    expect(new Set(transport.writes.map((w) => w.hex.slice(0, 6)))).toEqual(new Set(['a503fc']));
  });

  it('when the patch loses contact during the recording, then nothing is kept and the message says why', async () => {
    const peripheral = simulatedWellueEr1();
    const notify = peripheral.services[0].characteristics[1].uuid;
    const off = bytesToHex(encodeErRealTimeResponse({ sequence: 9, heartRate: 0, runStatus: 0x07, samples: [0x7fff, 0x7fff] }));
    peripheral.reactions[0].batches.splice(5, 0, [{ kind: 'notify', characteristic: notify, hex: off, delayMs: 10 }]);
    const error = await rejectionOf(new WellueErEcgDriver({ pollIntervalMs: 0 }).measure(new SimulatedTransport(peripheral)));
    expect(error).toMatchObject({ code: 'measurement-incomplete' });
    expect(error.message).toContain('lost contact with the skin');
  });

  it('when a frame fails its CRC, then the recording is refused', async () => {
    const error = await rejectionOf(
      new WellueErEcgDriver({ pollIntervalMs: 0 }).measure(new SimulatedTransport(simulatedWellueEr1({ fault: 'bad-bytes' }))),
    );
    expect(error).toMatchObject({ name: 'MeasurementFormatError', field: 'checksum' });
  });

  it('when the patch stops answering, then the recording times out after the response timeout', async () => {
    const error = await rejectionOf(
      new WellueErEcgDriver({ pollIntervalMs: 0, responseTimeoutMs: 2_000 }).measure(
        new SimulatedTransport(simulatedWellueEr1({ fault: 'timeout' })),
      ),
    );
    expect(error).toMatchObject({ code: 'timeout', message: 'The ECG patch stopped answering' });
  });
});
