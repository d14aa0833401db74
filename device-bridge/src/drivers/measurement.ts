/**
 * What a driver hands back: one complete measurement, never a partial one.
 * Every variant keeps the raw bytes of every notification it was built from
 * (for storage beside the reading and for support), and the device's own
 * sequence number or time stamp when it sends one (for de-duplication).
 */
import type { HeartRateEstimate } from '../ecg/heart-rate';
import type { EcgStrip } from '../ecg/leads';
import type { BloodPressureReading } from '../gatt/blood-pressure';
import type { GlucoseContext } from '../gatt/glucose-context';
import type { GlucoseReading } from '../gatt/glucose-measurement';
import type { HeartRateReading } from '../gatt/heart-rate';
import type { TemperatureReading } from '../gatt/health-thermometer';
import type { PlxContinuousReading, PlxSpotCheckReading } from '../gatt/pulse-oximeter';
import type { WeightReading } from '../gatt/weight-scale';
import type { DeviceIdentity } from '../transport/gatt-transport';
import type { Pc300Message } from '../vendor/contec-pc300';
import type { SpirometryResult } from '../vendor/spirometry';

/** The device families the kit holds. */
export type DeviceFamily =
  'blood-pressure' | 'pulse-oximeter' | 'thermometer' | 'heart-rate' | 'weight' | 'glucose' | 'multiparameter' | 'ecg' | 'spirometer';

/** One notification or indication as received: which characteristic, and its bytes in lowercase hex. */
export interface RawNotification {
  characteristic: string;
  hex: string;
}

/** Fields every measurement carries. */
export interface MeasurementBase<F extends DeviceFamily> {
  family: F;
  /** The driver that read it, e.g. "sig-blood-pressure", "polar-h10". */
  driver: string;
  device: DeviceIdentity;
  /** When the reading was complete, by the injected clock (ISO 8601, UTC). */
  receivedAt: string;
  /** The device's record number, when it sends one (glucose: the highest one received). */
  deviceSequenceNumber?: number;
  /**
   * The device's own time stamp, as it states it: a local wall-clock time
   * without offset for the SIG profiles ("2025-06-01T09:30:00"), UTC with "Z"
   * for devices that count from an epoch (Polar). Absent when the device sends
   * none or says its clock is not set.
   */
  deviceTime?: string;
  /** Every notification the measurement used, in order of arrival. */
  notifications: RawNotification[];
}

/** A blood pressure measurement from the SIG profile. */
export interface BloodPressureMeasurement extends MeasurementBase<'blood-pressure'> {
  reading: BloodPressureReading;
}

/** A pulse oximeter reading: a spot-check, or the last of a run of steady continuous readings. */
export interface PulseOximeterMeasurement extends MeasurementBase<'pulse-oximeter'> {
  source: 'spot-check' | 'continuous';
  reading: PlxSpotCheckReading | PlxContinuousReading;
}

/** A body temperature. */
export interface ThermometerMeasurement extends MeasurementBase<'thermometer'> {
  reading: TemperatureReading;
}

/** A heart rate from a Heart Rate profile sensor (the last of a run with skin contact). */
export interface HeartRateMeasurement extends MeasurementBase<'heart-rate'> {
  reading: HeartRateReading;
}

/** A body weight (with BMI and height when the scale sends them). */
export interface WeightMeasurement extends MeasurementBase<'weight'> {
  reading: WeightReading;
}

/** One stored glucose record and its context, paired by sequence number. */
export interface GlucoseRecord {
  measurement: GlucoseReading;
  context?: GlucoseContext;
}

/** The glucose records the meter reported (possibly none: "no new records"). */
export interface GlucoseMeasurement extends MeasurementBase<'glucose'> {
  /** Oldest first, by sequence number. */
  records: GlucoseRecord[];
}

/** A PC-300 blood pressure result. */
export type MultiparameterBloodPressure = Extract<Pc300Message, { kind: 'nibp-result' }>;
/** A PC-300 SpO2 reading. */
export type MultiparameterSpo2 = Extract<Pc300Message, { kind: 'spo2' }>;
/** A PC-300 temperature. */
export type MultiparameterTemperature = Extract<Pc300Message, { kind: 'temperature' }>;

/** One reading of the multiparameter monitor. */
export interface MultiparameterMeasurement extends MeasurementBase<'multiparameter'> {
  reading: MultiparameterBloodPressure | MultiparameterSpo2 | MultiparameterTemperature;
}

/** An ECG strip of the requested length. */
export interface EcgMeasurement extends MeasurementBase<'ecg'> {
  /** "polar-h10", "wellue-er" or the 8-lead adapter's id. */
  model: string;
  strip: EcgStrip;
  /** Length of the strip, s. */
  durationS: number;
  /** Estimated from the strip (lead II when present, else lead I); `bpm` is null below two beats. */
  heartRate: HeartRateEstimate;
}

/** One forced expiration. */
export interface SpirometerMeasurement extends MeasurementBase<'spirometer'> {
  result: SpirometryResult;
  /** PEF time as the device sent it (its unit is not documented). */
  pefTimeRaw: number;
}

/** Any measurement; switch on `family`. */
export type Measurement =
  | BloodPressureMeasurement
  | PulseOximeterMeasurement
  | ThermometerMeasurement
  | HeartRateMeasurement
  | WeightMeasurement
  | GlucoseMeasurement
  | MultiparameterMeasurement
  | EcgMeasurement
  | SpirometerMeasurement;
