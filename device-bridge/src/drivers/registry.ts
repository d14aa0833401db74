/**
 * Which driver reads a device. Vendor drivers come first: a Polar H10 also
 * offers the Heart Rate profile, but its ECG is what the kit needs it for
 * (`driversFor` lists every driver that can read a device).
 */
import { DeviceBridgeError } from '../transport/errors';
import type { RequestDeviceOptionsLike, ScanFilterLike } from '../transport/web-bluetooth';
import { BloodPressureDriver } from './blood-pressure/blood-pressure-driver';
import type { DeviceDescription, DeviceDriver } from './driver';
import { PolarH10EcgDriver } from './ecg/polar-h10-driver';
import { WellueErEcgDriver } from './ecg/wellue-er-driver';
import { GlucoseDriver } from './glucose/glucose-driver';
import { HeartRateDriver } from './heart-rate/heart-rate-driver';
import { ContecPc300Driver } from './multiparameter/contec-pc300-driver';
import { PulseOximeterDriver } from './pulse-oximeter/pulse-oximeter-driver';
import { ContecSp80bDriver } from './spirometer/contec-sp80b-driver';
import { ThermometerDriver } from './thermometer/thermometer-driver';
import { WeightScaleDriver } from './weight/weight-scale-driver';

/** The drivers of the kit's devices, vendor protocols first. Drivers keep no state between measurements. */
export const KIT_DRIVERS: readonly DeviceDriver[] = [
  new PolarH10EcgDriver(),
  new WellueErEcgDriver(),
  new ContecPc300Driver(),
  new ContecSp80bDriver(),
  new BloodPressureDriver(),
  new PulseOximeterDriver(),
  new ThermometerDriver(),
  new WeightScaleDriver(),
  new GlucoseDriver(),
  new HeartRateDriver(),
];

/** Devices people may try to pair that no driver can read, and why (checked before the drivers). */
const UNSUPPORTED_DEVICES: readonly { pattern: RegExp; reason: string }[] = [
  {
    pattern: /spirobank|\bmir\b/i,
    reason: 'MIR publishes no Bluetooth protocol for its spirometers, so Prossima cannot read them. Type the results in by hand.',
  },
];

/** Every driver that can read the device, in order of preference. */
export function driversFor(device: DeviceDescription, drivers: readonly DeviceDriver[] = KIT_DRIVERS): DeviceDriver[] {
  return drivers.filter((driver) => driver.matches(device));
}

/** The driver for the device; throws DeviceBridgeError('unknown-device') naming the device when none reads it. */
export function driverFor(deviceName: string, services: readonly string[], drivers: readonly DeviceDriver[] = KIT_DRIVERS): DeviceDriver {
  const name = deviceName.trim();
  const shown = name === '' ? 'This device (it has no name)' : `“${name}”`;
  const unsupported = UNSUPPORTED_DEVICES.find((entry) => entry.pattern.test(name));
  if (unsupported !== undefined) throw new DeviceBridgeError('unknown-device', `${shown} is not supported: ${unsupported.reason}`);
  const [driver] = driversFor({ name, services }, drivers);
  if (driver === undefined) {
    throw new DeviceBridgeError(
      'unknown-device',
      `${shown} is not a device Prossima can read. Choose one of the kit's devices, or type the reading in by hand.`,
    );
  }
  return driver;
}

/** `requestDevice` options that show the drivers' devices in the chooser and allow every service they use. */
export function kitRequestOptions(drivers: readonly DeviceDriver[] = KIT_DRIVERS): RequestDeviceOptionsLike {
  const filters: ScanFilterLike[] = [];
  const seen = new Set<string>();
  for (const filter of drivers.flatMap((driver) => driver.requestFilters)) {
    const key = JSON.stringify(filter);
    if (seen.has(key)) continue;
    seen.add(key);
    filters.push(filter);
  }
  const optionalServices = [...new Set(drivers.flatMap((driver) => driver.optionalServices))];
  return { filters, optionalServices };
}
