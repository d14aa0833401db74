import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeSfloat } from '../../simulator/sig-encoders';
import { simulatedPulseOximeter } from '../../simulator/sig-peripherals';
import { SimulatedTransport } from '../../simulator/simulated-transport';
import type { VirtualPeripheral } from '../../simulator/virtual-peripheral';
import type { MeasurementProgress } from '../driver';
import { rejectionOf, withFakeTime } from '../testing/run-with-fake-time';
import { PulseOximeterDriver } from './pulse-oximeter-driver';

const SPOT_CHECK = '00002a5e-0000-1000-8000-00805f9b34fb';
const hex = (bytes: number[]): string => bytes.map((b) => b.toString(16).padStart(2, '0')).join('');

/** An oximeter that only has the spot-check characteristic and indicates `value` once subscribed. */
function spotCheckOximeter(value: string): VirtualPeripheral {
  const peripheral = simulatedPulseOximeter();
  peripheral.services[0].characteristics = [{ uuid: SPOT_CHECK, properties: { indicate: true } }];
  peripheral.reactions = [
    {
      id: 'spot',
      on: 'subscribe',
      characteristic: SPOT_CHECK,
      batches: [[{ kind: 'notify', characteristic: SPOT_CHECK, hex: value, delayMs: 500 }]],
    },
  ];
  return peripheral;
}

describe('PulseOximeterDriver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when continuous readings settle, then early estimates are skipped and the fifth steady reading is returned', async () => {
    const progress: MeasurementProgress[] = [];
    const measurement = await withFakeTime(
      new PulseOximeterDriver().measure(new SimulatedTransport(simulatedPulseOximeter()), { onProgress: (p) => progress.push(p) }),
    );
    expect(measurement).toMatchObject({ source: 'continuous', reading: { spo2: 97, pulseRate: 70 } });
    const steady = progress.flatMap((p) => (p.kind === 'spo2' ? [p.steadyReadings] : []));
    expect(steady).toEqual([0, 0, 1, 2, 3, 4, 5]);
  });

  it('when the oximeter sends a spot-check, then that is the reading', async () => {
    const value = hex([0x00, ...encodeSfloat(98, 0), ...encodeSfloat(64, 0)]);
    const measurement = await withFakeTime(new PulseOximeterDriver().measure(new SimulatedTransport(spotCheckOximeter(value))));
    expect(measurement).toMatchObject({ source: 'spot-check', reading: { spo2: 98, pulseRate: 64 } });
  });

  it('when the spot-check is flagged invalid, then the measurement is incomplete, not shown', async () => {
    // flags 02 (measurement status), status bit 15 invalid.
    const value = hex([0x02, ...encodeSfloat(98, 0), ...encodeSfloat(64, 0), 0x00, 0x80]);
    const error = await rejectionOf(new PulseOximeterDriver().measure(new SimulatedTransport(spotCheckOximeter(value))));
    expect(error).toMatchObject({ code: 'measurement-incomplete' });
  });
});
