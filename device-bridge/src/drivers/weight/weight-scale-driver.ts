/** Weight Scale profile (0x181D): one indicated Weight Measurement once the weight is stable. */
import { BATTERY_UUIDS } from '../../gatt/battery';
import { DEVICE_INFORMATION_UUIDS } from '../../gatt/device-information';
import { parseWeightMeasurement, WEIGHT_SCALE_UUIDS, type WeightReading } from '../../gatt/weight-scale';
import type { GattTransport } from '../../transport/gatt-transport';
import { deviceTimeOf, offersService } from '../device-matching';
import type { DeviceDescription, DeviceDriver, MeasureOptions } from '../driver';
import type { WeightMeasurement } from '../measurement';
import { deferred, withSession } from '../session';

const UUIDS = WEIGHT_SCALE_UUIDS;
const DEFAULT_TIMEOUT_MS = 120_000;

/** Reads a scale that implements the Bluetooth Weight Scale profile. */
export class WeightScaleDriver implements DeviceDriver<WeightMeasurement> {
  readonly id = 'sig-weight-scale';
  readonly family = 'weight';
  readonly label = 'Scale (Bluetooth Weight Scale profile)';
  readonly requestFilters = [{ services: [UUIDS.service] }];
  readonly optionalServices = [UUIDS.service, DEVICE_INFORMATION_UUIDS.service, BATTERY_UUIDS.service];

  matches(device: DeviceDescription): boolean {
    return offersService(device, UUIDS.service);
  }

  measure(transport: GattTransport, options: MeasureOptions = {}): Promise<WeightMeasurement> {
    return withSession(transport, options, 'weight measurement', async (session) => {
      const result = deferred<WeightReading>();
      await session.subscribe(UUIDS.service, UUIDS.measurement, (value) => result.resolve(parseWeightMeasurement(value)));
      session.progress({ kind: 'waiting-for-device' });
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const reading = await session.within(result.promise, timeoutMs, `The scale sent no weight within ${timeoutMs / 1000} s`);
      return { ...session.base('weight', this.id), ...deviceTimeOf(reading.timestamp), reading };
    });
  }
}
