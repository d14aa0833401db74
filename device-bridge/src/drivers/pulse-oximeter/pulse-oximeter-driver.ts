/**
 * Pulse Oximeter profile (0x1822). A spot-check measurement (indicated) is a
 * reading by itself; continuous measurements (notified about once a second)
 * become a reading after a run of steady ones, so the value shown is not the
 * first guess of a probe just put on.
 *
 * A value is not steady when the oximeter flags it as early estimate,
 * questionable, invalid or unavailable, or reports a sensor problem; such a
 * value restarts the run. A spot-check flagged that way ends the measurement
 * with 'measurement-incomplete'.
 */
import { BATTERY_UUIDS } from '../../gatt/battery';
import { DEVICE_INFORMATION_UUIDS } from '../../gatt/device-information';
import {
  parsePlxContinuous,
  parsePlxSpotCheck,
  PULSE_OXIMETER_UUIDS,
  type PlxContinuousReading,
  type PlxSpotCheckReading,
  type PlxStatusFields,
} from '../../gatt/pulse-oximeter';
import { DeviceBridgeError } from '../../transport/errors';
import type { GattTransport } from '../../transport/gatt-transport';
import { deviceTimeOf, offersService } from '../device-matching';
import type { DeviceDescription, DeviceDriver, MeasureOptions } from '../driver';
import type { PulseOximeterMeasurement } from '../measurement';
import { deferred, withSession } from '../session';

const UUIDS = PULSE_OXIMETER_UUIDS;
const DEFAULT_TIMEOUT_MS = 90_000;

/** Options of a {@link PulseOximeterDriver}. */
export interface PulseOximeterDriverOptions {
  /** Consecutive steady continuous readings needed (default 5, about five seconds). */
  steadyReadings?: number;
}

type Result = Pick<PulseOximeterMeasurement, 'source' | 'reading'>;

/** Reads an oximeter that implements the Bluetooth Pulse Oximeter profile. */
export class PulseOximeterDriver implements DeviceDriver<PulseOximeterMeasurement> {
  readonly id = 'sig-pulse-oximeter';
  readonly family = 'pulse-oximeter';
  readonly label = 'Pulse oximeter (Bluetooth Pulse Oximeter profile)';
  readonly requestFilters = [{ services: [UUIDS.service] }];
  readonly optionalServices = [UUIDS.service, DEVICE_INFORMATION_UUIDS.service, BATTERY_UUIDS.service];
  private readonly steadyReadings: number;

  constructor(options: PulseOximeterDriverOptions = {}) {
    this.steadyReadings = options.steadyReadings ?? 5;
    if (!Number.isInteger(this.steadyReadings) || this.steadyReadings < 1) {
      throw new TypeError(`PulseOximeterDriver: steadyReadings must be an integer ≥ 1, got ${this.steadyReadings}`);
    }
  }

  matches(device: DeviceDescription): boolean {
    return offersService(device, UUIDS.service);
  }

  measure(transport: GattTransport, options: MeasureOptions = {}): Promise<PulseOximeterMeasurement> {
    return withSession(transport, options, 'pulse oximetry reading', async (session) => {
      const result = deferred<Result>();
      const hasSpotCheck = await session.hasCharacteristic(UUIDS.service, UUIDS.spotCheckMeasurement);
      const hasContinuous = await session.hasCharacteristic(UUIDS.service, UUIDS.continuousMeasurement);
      if (!hasSpotCheck && !hasContinuous) {
        throw new DeviceBridgeError('gatt-error', 'The oximeter offers neither spot-check nor continuous measurements');
      }
      if (hasContinuous) {
        let steady: PlxContinuousReading[] = [];
        await session.subscribe(UUIDS.service, UUIDS.continuousMeasurement, (value) => {
          const reading = parsePlxContinuous(value);
          steady = isSteady(reading) ? [...steady, reading] : [];
          session.progress({
            kind: 'spo2',
            spo2: reading.spo2,
            pulseRate: reading.pulseRate,
            steadyReadings: steady.length,
            needed: this.steadyReadings,
          });
          if (steady.length >= this.steadyReadings) result.resolve({ source: 'continuous', reading });
        });
      }
      if (hasSpotCheck) {
        await session.subscribe(UUIDS.service, UUIDS.spotCheckMeasurement, (value) => {
          const reading: PlxSpotCheckReading = parsePlxSpotCheck(value);
          if (!isSteady(reading)) {
            throw new DeviceBridgeError(
              'measurement-incomplete',
              'The oximeter flagged its reading as not valid: place the probe again and repeat',
            );
          }
          result.resolve({ source: 'spot-check', reading });
        });
      }
      session.progress({ kind: 'waiting-for-device' });
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const { source, reading } = await session.within(
        result.promise,
        timeoutMs,
        `The oximeter sent no steady reading within ${timeoutMs / 1000} s`,
      );
      const timestamp = 'timestamp' in reading ? reading.timestamp : undefined;
      return { ...session.base('pulse-oximeter', this.id), ...deviceTimeOf(timestamp), source, reading };
    });
  }
}

function isSteady(reading: PlxStatusFields): boolean {
  const status = reading.measurementStatus;
  const sensor = reading.deviceAndSensorStatus;
  if (
    status &&
    (status.earlyEstimatedData || status.questionableMeasurement || status.invalidMeasurement || status.measurementUnavailable)
  ) {
    return false;
  }
  return !(
    sensor &&
    (sensor.equipmentMalfunction ||
      sensor.sensorDisconnected ||
      sensor.sensorUnconnectedToUser ||
      sensor.sensorDisplaced ||
      sensor.sensorMalfunctioning ||
      sensor.unknownSensorConnected)
  );
}
