import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulatedGlucoseMeter } from '../../simulator/glucose-peripheral';
import { SimulatedTransport } from '../../simulator/simulated-transport';
import { withFakeTime, rejectionOf } from '../testing/run-with-fake-time';
import { GlucoseDriver } from './glucose-driver';

const RACP = '00002a52-0000-1000-8000-00805f9b34fb';

describe('GlucoseDriver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when all records are asked for, then every measurement comes back with its context, oldest first', async () => {
    const transport = new SimulatedTransport(simulatedGlucoseMeter());
    const measurement = await withFakeTime(new GlucoseDriver().measure(transport));
    expect(transport.writes).toEqual([{ characteristic: RACP, hex: '0101' }]);
    expect(measurement.records.map((r) => [r.measurement.sequenceNumber, r.measurement.concentration?.value, r.context?.meal])).toEqual([
      [1, 95, 'fasting'],
      [2, 132, 'postprandial'],
      [3, 108, 'fasting'],
    ]);
    expect(measurement.records[0].measurement.concentration).toMatchObject({
      unit: 'mg/dL',
      sampleType: 'capillary-whole-blood',
      sampleLocation: 'finger',
    });
    expect(measurement).toMatchObject({ deviceSequenceNumber: 3, deviceTime: '2025-06-02T07:40:00' });
    expect(measurement.notifications.at(-1)).toEqual({ characteristic: RACP, hex: '06000101' });
  });

  it('when records from sequence number 2 are asked for, then RACP "≥ 2" is written and only the newer records come back', async () => {
    const transport = new SimulatedTransport(simulatedGlucoseMeter());
    const measurement = await withFakeTime(new GlucoseDriver().measure(transport, { fromSequenceNumber: 2 }));
    expect(transport.writes.map((w) => w.hex)).toEqual(['0103010200']);
    expect(measurement.records.map((r) => r.measurement.sequenceNumber)).toEqual([2, 3]);
  });

  it('when there is nothing new, then the meter answers "no records found" and the list is empty', async () => {
    const measurement = await withFakeTime(
      new GlucoseDriver().measure(new SimulatedTransport(simulatedGlucoseMeter()), { fromSequenceNumber: 4 }),
    );
    expect(measurement.records).toEqual([]);
    expect(measurement.deviceSequenceNumber).toBeUndefined();
  });

  it('when the meter refuses the request, then the transfer is incomplete and says why', async () => {
    const peripheral = simulatedGlucoseMeter();
    // 06 00 01 05: invalid operand.
    peripheral.reactions[0].batches = [[{ kind: 'notify', characteristic: RACP, hex: '06000105', delayMs: 10 }]];
    const error = await rejectionOf(new GlucoseDriver().measure(new SimulatedTransport(peripheral)));
    expect(error).toMatchObject({
      code: 'measurement-incomplete',
      message: 'The glucose meter refused to send its records (invalid-operand)',
    });
  });

  it('when the link drops while records stream in, then nothing is returned', async () => {
    const error = await rejectionOf(
      new GlucoseDriver().measure(new SimulatedTransport(simulatedGlucoseMeter({ fault: 'disconnect-mid-measurement' }))),
    );
    expect(error).toMatchObject({ code: 'disconnected' });
  });
});
