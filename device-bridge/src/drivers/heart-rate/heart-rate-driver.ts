/**
 * Heart Rate profile (0x180D): measurements notified about once a second. The
 * reading is the last of a run with skin contact (or from a sensor that cannot
 * tell); a value sent without contact restarts the run.
 */
import { BATTERY_UUIDS } from '../../gatt/battery';
import { DEVICE_INFORMATION_UUIDS } from '../../gatt/device-information';
import { HEART_RATE_UUIDS, parseHeartRateMeasurement, type HeartRateReading } from '../../gatt/heart-rate';
import type { GattTransport } from '../../transport/gatt-transport';
import { offersService } from '../device-matching';
import type { DeviceDescription, DeviceDriver, MeasureOptions } from '../driver';
import type { HeartRateMeasurement } from '../measurement';
import { deferred, withSession } from '../session';

const UUIDS = HEART_RATE_UUIDS;
const DEFAULT_TIMEOUT_MS = 60_000;

/** Options of a {@link HeartRateDriver}. */
export interface HeartRateDriverOptions {
  /** Consecutive readings with contact needed (default 5). */
  readings?: number;
}

/** Reads a sensor that implements the Bluetooth Heart Rate profile. */
export class HeartRateDriver implements DeviceDriver<HeartRateMeasurement> {
  readonly id = 'sig-heart-rate';
  readonly family = 'heart-rate';
  readonly label = 'Heart rate sensor (Bluetooth Heart Rate profile)';
  readonly requestFilters = [{ services: [UUIDS.service] }];
  readonly optionalServices = [UUIDS.service, DEVICE_INFORMATION_UUIDS.service, BATTERY_UUIDS.service];
  private readonly readings: number;

  constructor(options: HeartRateDriverOptions = {}) {
    this.readings = options.readings ?? 5;
    if (!Number.isInteger(this.readings) || this.readings < 1) {
      throw new TypeError(`HeartRateDriver: readings must be an integer ≥ 1, got ${this.readings}`);
    }
  }

  matches(device: DeviceDescription): boolean {
    return offersService(device, UUIDS.service);
  }

  measure(transport: GattTransport, options: MeasureOptions = {}): Promise<HeartRateMeasurement> {
    return withSession(transport, options, 'heart rate reading', async (session) => {
      const result = deferred<HeartRateReading>();
      let run = 0;
      await session.subscribe(UUIDS.service, UUIDS.measurement, (value) => {
        const reading = parseHeartRateMeasurement(value);
        run = reading.sensorContact === 'not-detected' || reading.heartRate === 0 ? 0 : run + 1;
        session.progress({ kind: 'heart-rate', bpm: reading.heartRate, readings: run, needed: this.readings });
        if (run >= this.readings) result.resolve(reading);
      });
      session.progress({ kind: 'waiting-for-device' });
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const reading = await session.within(result.promise, timeoutMs, `The sensor sent no steady heart rate within ${timeoutMs / 1000} s`);
      return { ...session.base('heart-rate', this.id), reading };
    });
  }
}
