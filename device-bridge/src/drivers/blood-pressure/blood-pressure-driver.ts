/**
 * Blood Pressure profile (0x1810). The cuff pressure while inflating comes
 * as Intermediate Cuff Pressure notifications (when the monitor has them);
 * the result is one indicated Blood Pressure Measurement.
 *
 * The first result indicated after subscribing is returned. A monitor that
 * stores readings may indicate its backlog first: `deviceTime` tells an old
 * reading from a new one.
 */
import {
  BLOOD_PRESSURE_UUIDS,
  parseBloodPressureMeasurement,
  parseIntermediateCuffPressure,
  type BloodPressureReading,
} from '../../gatt/blood-pressure';
import { BATTERY_UUIDS } from '../../gatt/battery';
import { DEVICE_INFORMATION_UUIDS } from '../../gatt/device-information';
import type { GattTransport } from '../../transport/gatt-transport';
import { uuid128 } from '../../transport/uuid';
import { deviceTimeOf, offersService } from '../device-matching';
import type { DeviceDescription, DeviceDriver, MeasureOptions } from '../driver';
import type { BloodPressureMeasurement } from '../measurement';
import { deferred, withSession } from '../session';

const SERVICE = uuid128(BLOOD_PRESSURE_UUIDS.service);
const MEASUREMENT = uuid128(BLOOD_PRESSURE_UUIDS.measurement);
const INTERMEDIATE = uuid128(BLOOD_PRESSURE_UUIDS.intermediateCuffPressure);
const DEFAULT_TIMEOUT_MS = 180_000;

/** Reads a blood pressure monitor that implements the Bluetooth Blood Pressure profile. */
export class BloodPressureDriver implements DeviceDriver<BloodPressureMeasurement> {
  readonly id = 'sig-blood-pressure';
  readonly family = 'blood-pressure';
  readonly label = 'Blood pressure monitor (Bluetooth Blood Pressure profile)';
  readonly requestFilters = [{ services: [SERVICE] }];
  readonly optionalServices = [SERVICE, DEVICE_INFORMATION_UUIDS.service, BATTERY_UUIDS.service];

  matches(device: DeviceDescription): boolean {
    return offersService(device, SERVICE);
  }

  measure(transport: GattTransport, options: MeasureOptions = {}): Promise<BloodPressureMeasurement> {
    return withSession(transport, options, 'blood pressure measurement', async (session) => {
      const result = deferred<BloodPressureReading>();
      if (await session.hasCharacteristic(SERVICE, INTERMEDIATE)) {
        await session.subscribe(SERVICE, INTERMEDIATE, (value) => {
          const cuff = parseIntermediateCuffPressure(value);
          session.progress({ kind: 'cuff-pressure', pressure: cuff.cuffPressure, unit: cuff.unit });
        });
      }
      await session.subscribe(SERVICE, MEASUREMENT, (value) => result.resolve(parseBloodPressureMeasurement(value)));
      session.progress({ kind: 'waiting-for-device' });
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const reading = await session.within(
        result.promise,
        timeoutMs,
        `The blood pressure monitor sent no reading within ${timeoutMs / 1000} s`,
      );
      return { ...session.base('blood-pressure', this.id), ...deviceTimeOf(reading.timestamp), reading };
    });
  }
}
