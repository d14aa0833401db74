import { describe, expect, it } from 'vitest';
import { BATTERY_UUIDS } from './battery';
import { CURRENT_TIME_UUIDS } from './current-time';
import { DEVICE_INFORMATION_UUIDS } from './device-information';
import { GLUCOSE_UUIDS } from './glucose-measurement';
import { HEALTH_THERMOMETER_UUIDS } from './health-thermometer';
import { HEART_RATE_UUIDS } from './heart-rate';
import { PULSE_OXIMETER_UUIDS } from './pulse-oximeter';
import { canonicalUuid } from './uuid';
import { WEIGHT_SCALE_UUIDS } from './weight-scale';

describe('canonicalUuid', () => {
  it('when given the 16-bit alias 0x2A37, then returns the lowercase 128-bit UUID on the Bluetooth base', () => {
    expect(canonicalUuid(0x2a37)).toBe('00002a37-0000-1000-8000-00805f9b34fb');
  });

  it('when given a 32-bit alias, then keeps all eight digits', () => {
    expect(canonicalUuid(0xfe2c1234)).toBe('fe2c1234-0000-1000-8000-00805f9b34fb');
  });

  it.each([[-1], [1.5], [2 ** 32]])('when given %s, then throws a RangeError', (alias) => {
    expect(() => canonicalUuid(alias)).toThrow(RangeError);
  });
});

describe('UUID constants', () => {
  it.each<[string, Record<string, string>, Record<string, number>]>([
    ['HEART_RATE_UUIDS', HEART_RATE_UUIDS, { service: 0x180d, measurement: 0x2a37, bodySensorLocation: 0x2a38, controlPoint: 0x2a39 }],
    [
      'HEALTH_THERMOMETER_UUIDS',
      HEALTH_THERMOMETER_UUIDS,
      { service: 0x1809, measurement: 0x2a1c, temperatureType: 0x2a1d, intermediateTemperature: 0x2a1e, measurementInterval: 0x2a21 },
    ],
    [
      'PULSE_OXIMETER_UUIDS',
      PULSE_OXIMETER_UUIDS,
      { service: 0x1822, spotCheckMeasurement: 0x2a5e, continuousMeasurement: 0x2a5f, features: 0x2a60, recordAccessControlPoint: 0x2a52 },
    ],
    ['WEIGHT_SCALE_UUIDS', WEIGHT_SCALE_UUIDS, { service: 0x181d, measurement: 0x2a9d, feature: 0x2a9e }],
    [
      'GLUCOSE_UUIDS',
      GLUCOSE_UUIDS,
      { service: 0x1808, measurement: 0x2a18, measurementContext: 0x2a34, feature: 0x2a51, recordAccessControlPoint: 0x2a52 },
    ],
    [
      'DEVICE_INFORMATION_UUIDS',
      DEVICE_INFORMATION_UUIDS,
      {
        service: 0x180a,
        systemId: 0x2a23,
        modelNumber: 0x2a24,
        serialNumber: 0x2a25,
        firmwareRevision: 0x2a26,
        hardwareRevision: 0x2a27,
        softwareRevision: 0x2a28,
        manufacturerName: 0x2a29,
        pnpId: 0x2a50,
      },
    ],
    ['BATTERY_UUIDS', BATTERY_UUIDS, { service: 0x180f, batteryLevel: 0x2a19 }],
    ['CURRENT_TIME_UUIDS', CURRENT_TIME_UUIDS, { service: 0x1805, currentTime: 0x2a2b, localTimeInformation: 0x2a0f }],
  ])('when %s is read, then each entry is the canonical UUID of its SIG alias', (_, constants, aliases) => {
    expect(constants).toStrictEqual(Object.fromEntries(Object.entries(aliases).map(([name, alias]) => [name, canonicalUuid(alias)])));
  });
});
