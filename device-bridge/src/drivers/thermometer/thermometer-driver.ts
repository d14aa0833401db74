/**
 * Health Thermometer profile (0x1809): Intermediate Temperature notifications
 * while measuring (when the thermometer has them), then one indicated
 * Temperature Measurement. When the measurement does not say where it was
 * taken, the Temperature Type characteristic is read, if there is one.
 */
import { BATTERY_UUIDS } from '../../gatt/battery';
import { DEVICE_INFORMATION_UUIDS } from '../../gatt/device-information';
import {
  HEALTH_THERMOMETER_UUIDS,
  parseIntermediateTemperature,
  parseTemperatureMeasurement,
  parseTemperatureType,
  type TemperatureReading,
} from '../../gatt/health-thermometer';
import type { GattTransport } from '../../transport/gatt-transport';
import { deviceTimeOf, offersService } from '../device-matching';
import type { DeviceDescription, DeviceDriver, MeasureOptions } from '../driver';
import type { ThermometerMeasurement } from '../measurement';
import { deferred, withSession } from '../session';

const UUIDS = HEALTH_THERMOMETER_UUIDS;
const DEFAULT_TIMEOUT_MS = 120_000;

/** Reads a thermometer that implements the Bluetooth Health Thermometer profile. */
export class ThermometerDriver implements DeviceDriver<ThermometerMeasurement> {
  readonly id = 'sig-health-thermometer';
  readonly family = 'thermometer';
  readonly label = 'Thermometer (Bluetooth Health Thermometer profile)';
  readonly requestFilters = [{ services: [UUIDS.service] }];
  readonly optionalServices = [UUIDS.service, DEVICE_INFORMATION_UUIDS.service, BATTERY_UUIDS.service];

  matches(device: DeviceDescription): boolean {
    return offersService(device, UUIDS.service);
  }

  measure(transport: GattTransport, options: MeasureOptions = {}): Promise<ThermometerMeasurement> {
    return withSession(transport, options, 'temperature measurement', async (session) => {
      const result = deferred<TemperatureReading>();
      if (await session.hasCharacteristic(UUIDS.service, UUIDS.intermediateTemperature)) {
        await session.subscribe(UUIDS.service, UUIDS.intermediateTemperature, (value) => {
          const { temperature, unit } = parseIntermediateTemperature(value);
          session.progress({ kind: 'intermediate-temperature', temperature, unit });
        });
      }
      await session.subscribe(UUIDS.service, UUIDS.measurement, (value) => result.resolve(parseTemperatureMeasurement(value)));
      session.progress({ kind: 'waiting-for-device' });
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const reading = await session.within(result.promise, timeoutMs, `The thermometer sent no reading within ${timeoutMs / 1000} s`);
      if (reading.temperatureType === undefined && (await session.hasCharacteristic(UUIDS.service, UUIDS.temperatureType))) {
        reading.temperatureType = parseTemperatureType(await session.read(UUIDS.service, UUIDS.temperatureType));
      }
      return { ...session.base('thermometer', this.id), ...deviceTimeOf(reading.timestamp), reading };
    });
  }
}
