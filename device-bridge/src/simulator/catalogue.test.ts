import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Measurement } from '../drivers/measurement';
import { driverFor } from '../drivers/registry';
import { MeasurementFormatError } from '../errors';
import { DeviceBridgeError } from '../transport/errors';
import { SIMULATED_DEVICE_KINDS, simulatedPeripheral, simulatorDrivers, type SimulatedDeviceKind } from './catalogue';
import { SimulatedTransport } from './simulated-transport';
import { PERIPHERAL_FAULTS, type PeripheralFault } from './virtual-peripheral';

/** Connects, picks the driver the app would pick, and measures while fake time runs. */
async function measure(transport: SimulatedTransport): Promise<Measurement> {
  await transport.connect();
  const driver = driverFor(transport.device.name, await transport.services(), simulatorDrivers());
  const result = driver.measure(transport);
  result.catch(() => undefined);
  for (let i = 0; i < 40 && vi.getTimerCount() > 0; i++) await vi.advanceTimersByTimeAsync(10_000);
  return result;
}

async function failure(transport: SimulatedTransport): Promise<unknown> {
  try {
    await measure(transport);
  } catch (error) {
    return error;
  }
  throw new Error('expected the measurement to fail');
}

/** The clinically relevant part of each kind's default measurement. */
function summary(measurement: Measurement): unknown {
  switch (measurement.family) {
    case 'blood-pressure':
      return [measurement.reading.systolic, measurement.reading.diastolic, measurement.reading.pulseRate];
    case 'pulse-oximeter':
      return [measurement.reading.spo2, measurement.reading.pulseRate];
    case 'thermometer':
      return [measurement.reading.temperature, measurement.reading.temperatureType];
    case 'heart-rate':
      return [measurement.reading.heartRate];
    case 'weight':
      return [measurement.reading.weight, measurement.reading.bmi];
    case 'glucose':
      return measurement.records.map((record) => record.measurement.concentration?.value);
    case 'multiparameter':
      return measurement.reading.kind === 'nibp-result'
        ? [measurement.reading.systolic, measurement.reading.diastolic, measurement.reading.pulseRate]
        : measurement.reading;
    case 'ecg':
      return [Object.keys(measurement.strip.leads).length, measurement.strip.leads.I?.length, Math.round(measurement.heartRate.bpm ?? 0)];
    case 'spirometer':
      return [measurement.result.fvcL, measurement.result.fev1L, measurement.result.fev1FvcPercent];
  }
}

const EXPECTED: Record<SimulatedDeviceKind, { driver: string; summary: unknown }> = {
  'blood-pressure': { driver: 'sig-blood-pressure', summary: [128, 82, 72] },
  'pulse-oximeter': { driver: 'sig-pulse-oximeter', summary: [97, 70] },
  thermometer: { driver: 'sig-health-thermometer', summary: [36.8, 'ear'] },
  'heart-rate': { driver: 'sig-heart-rate', summary: [72] },
  weight: { driver: 'sig-weight-scale', summary: [72.4, 25.1] },
  glucose: { driver: 'sig-glucose', summary: [95, 132, 108] },
  multiparameter: { driver: 'contec-pc300', summary: [128, 82, 72] },
  spirometer: { driver: 'contec-sp80b', summary: [3.2, 2.6, 81.3] },
  'ecg-polar-h10': { driver: 'polar-h10', summary: [1, 3900, 72] },
  'ecg-wellue-er1': { driver: 'wellue-er', summary: [1, 3750, 72] },
  'ecg-eight-lead': { driver: 'demo-eight-lead', summary: [12, 7500, 72] },
};

describe('every simulated device, read by the driver the registry picks', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(SIMULATED_DEVICE_KINDS.map((kind) => [kind]))(
    'when a %s is measured, then its driver returns the simulated values with every notification kept',
    async (kind) => {
      const transport = new SimulatedTransport(simulatedPeripheral(kind), { timeScale: 1 });
      const measurement = await measure(transport);
      expect(measurement.driver).toBe(EXPECTED[kind].driver);
      expect(summary(measurement)).toEqual(EXPECTED[kind].summary);
      expect(measurement.device).toEqual({ id: transport.peripheral.address, name: transport.peripheral.name });
      expect(measurement.notifications.length).toBeGreaterThan(0);
      expect(measurement.notifications.every((n) => /^([0-9a-f]{2})+$/.test(n.hex))).toBe(true);
    },
  );

  const expectedError: Record<PeripheralFault, (error: unknown) => void> = {
    'disconnect-mid-measurement': (error) => {
      expect(error).toBeInstanceOf(DeviceBridgeError);
      expect(error).toMatchObject({ code: 'disconnected' });
      expect((error as Error).message).toMatch(/disconnected during the .*: nothing was kept/);
    },
    'bad-bytes': (error) => expect(error).toBeInstanceOf(MeasurementFormatError),
    timeout: (error) => {
      expect(error).toBeInstanceOf(DeviceBridgeError);
      expect(error).toMatchObject({ code: 'timeout' });
    },
  };

  const cases = SIMULATED_DEVICE_KINDS.flatMap((kind) => PERIPHERAL_FAULTS.map((fault) => [kind, fault] as const));
  it.each(cases)(
    'when a %s plays "%s", then the measurement fails with a clear error and a second attempt succeeds',
    async (kind, fault) => {
      const transport = new SimulatedTransport(simulatedPeripheral(kind, { fault }), { timeScale: 1 });
      expectedError[fault](await failure(transport));
      const retry = await measure(transport);
      expect(summary(retry)).toEqual(EXPECTED[kind].summary);
    },
  );
});
