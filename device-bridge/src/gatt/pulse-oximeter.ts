/**
 * Pulse Oximeter service (0x1822): PLX Spot-check Measurement (0x2A5E,
 * indicated) and PLX Continuous Measurement (0x2A5F, notified).
 *
 * Spot-check:
 *
 *   byte 0   1–2    3–4    │ then, in this order, only when flagged:
 *   ┌─────┬──────┬───────┐ │ ┌────────────┬─────────────┬──────────────────┬─────┐
 *   │flags│ SpO2 │ pulse │ │ │ time stamp │ meas.status │ device & sensor  │ PAI │
 *   └─────┴──────┴───────┘ │ └────────────┴─────────────┴──────────────────┴─────┘
 *    u8    SFLOAT SFLOAT   │   Date Time    u16 LE        u24 LE             SFLOAT
 *                          │   bit 0        bit 1         bit 2              bit 3
 *   flags: bit 4 device clock is not set · bits 5–7 reserved, ignored.
 *
 * Continuous:
 *
 *   byte 0   1–2    3–4    │ then, in this order, only when flagged:
 *   ┌─────┬──────┬───────┐ │ ┌────────────┬────────────┬─────────────┬─────────────────┬─────┐
 *   │flags│ SpO2 │ pulse │ │ │ SpO2+pulse │ SpO2+pulse │ meas.status │ device & sensor │ PAI │
 *   └─────┴──────┴───────┘ │ │   fast     │   slow     │             │                 │     │
 *                          │ └────────────┴────────────┴─────────────┴─────────────────┴─────┘
 *    u8    SFLOAT SFLOAT   │   2 SFLOAT     2 SFLOAT     u16 LE        u24 LE            SFLOAT
 *                          │   bit 0        bit 1        bit 2         bit 3             bit 4
 *   flags: bits 5–7 reserved, ignored.
 *
 *   Continuous `00 64 00 5A 00` → SpO2 100 %, pulse 90 bpm
 *
 * Measurement status (u16): bits 0–4 reserved · 5 measurement ongoing · 6 early
 * estimated data · 7 validated data · 8 fully qualified data · 9 data from
 * measurement storage · 10 data for demonstration · 11 data for testing ·
 * 12 calibration ongoing · 13 measurement unavailable · 14 questionable
 * measurement detected · 15 invalid measurement detected.
 *
 * Device and sensor status (u24): 0 extended display update ongoing ·
 * 1 equipment malfunction · 2 signal processing irregularity · 3 inadequate
 * signal · 4 poor signal · 5 low perfusion · 6 erratic signal · 7 non-pulsatile
 * signal · 8 questionable pulse · 9 signal analysis ongoing · 10 sensor
 * interference · 11 sensor unconnected to user · 12 unknown sensor connected ·
 * 13 sensor displaced · 14 sensor malfunctioning · 15 sensor disconnected ·
 * 16–23 reserved.
 *
 * A status bit is only meaningful when the PLX Features characteristic says
 * the device supports it; the decoder reports the bits as sent. Callers must
 * not show a reading whose status says `invalidMeasurement` or
 * `measurementUnavailable` as a valid one.
 */
import { DATE_TIME_LENGTH, dateTimeValue, type DeviceDateTime } from './date-time';
import { decodeBits, FieldCursor, getUint24, requireMandatory, requireNotNegative, requireWithin } from './field-reader';
import { sfloatValue } from './ieee11073';

/** Pulse Oximeter service and characteristic UUIDs (full 128-bit, lowercase). */
export const PULSE_OXIMETER_UUIDS = {
  service: '00001822-0000-1000-8000-00805f9b34fb',
  spotCheckMeasurement: '00002a5e-0000-1000-8000-00805f9b34fb',
  continuousMeasurement: '00002a5f-0000-1000-8000-00805f9b34fb',
  features: '00002a60-0000-1000-8000-00805f9b34fb',
  recordAccessControlPoint: '00002a52-0000-1000-8000-00805f9b34fb',
} as const;

/** Oxygen saturation (%) and pulse rate (beats per minute). */
export interface SpO2PulseRate {
  spo2: number;
  pulseRate: number;
}

/** What the oximeter says about the measurement (PLX measurement status); bits 0–4 are reserved. */
export interface PlxMeasurementStatus {
  measurementOngoing: boolean;
  earlyEstimatedData: boolean;
  validatedData: boolean;
  fullyQualifiedData: boolean;
  fromMeasurementStorage: boolean;
  demonstrationData: boolean;
  testingData: boolean;
  calibrationOngoing: boolean;
  /** No value could be measured: SpO2 and pulse must not be shown as readings. */
  measurementUnavailable: boolean;
  questionableMeasurement: boolean;
  /** The device judged the measurement invalid: SpO2 and pulse must not be shown as readings. */
  invalidMeasurement: boolean;
}

/** What the oximeter says about itself and its sensor (PLX device and sensor status); bits 16–23 are reserved. */
export interface PlxDeviceSensorStatus {
  extendedDisplayUpdateOngoing: boolean;
  equipmentMalfunction: boolean;
  signalProcessingIrregularity: boolean;
  inadequateSignal: boolean;
  poorSignal: boolean;
  lowPerfusion: boolean;
  erraticSignal: boolean;
  nonPulsatileSignal: boolean;
  questionablePulse: boolean;
  signalAnalysisOngoing: boolean;
  sensorInterference: boolean;
  sensorUnconnectedToUser: boolean;
  unknownSensorConnected: boolean;
  sensorDisplaced: boolean;
  sensorMalfunctioning: boolean;
  sensorDisconnected: boolean;
}

const MEASUREMENT_STATUS_BITS: Readonly<Record<keyof PlxMeasurementStatus, number>> = {
  measurementOngoing: 5,
  earlyEstimatedData: 6,
  validatedData: 7,
  fullyQualifiedData: 8,
  fromMeasurementStorage: 9,
  demonstrationData: 10,
  testingData: 11,
  calibrationOngoing: 12,
  measurementUnavailable: 13,
  questionableMeasurement: 14,
  invalidMeasurement: 15,
};

const DEVICE_SENSOR_STATUS_BITS: Readonly<Record<keyof PlxDeviceSensorStatus, number>> = {
  extendedDisplayUpdateOngoing: 0,
  equipmentMalfunction: 1,
  signalProcessingIrregularity: 2,
  inadequateSignal: 3,
  poorSignal: 4,
  lowPerfusion: 5,
  erraticSignal: 6,
  nonPulsatileSignal: 7,
  questionablePulse: 8,
  signalAnalysisOngoing: 9,
  sensorInterference: 10,
  sensorUnconnectedToUser: 11,
  unknownSensorConnected: 12,
  sensorDisplaced: 13,
  sensorMalfunctioning: 14,
  sensorDisconnected: 15,
};

/** Fields both measurements may carry besides SpO2 and pulse rate. */
export interface PlxStatusFields {
  measurementStatus?: PlxMeasurementStatus;
  deviceAndSensorStatus?: PlxDeviceSensorStatus;
  /** Pulse amplitude index, in %. */
  pulseAmplitudeIndex?: number;
}

/** A PLX Spot-check Measurement (0x2A5E). */
export interface PlxSpotCheckReading extends SpO2PulseRate, PlxStatusFields {
  /** The device clock at the measurement; `kind: 'unknown'` when the device says its clock is not set (flag bit 4). */
  timestamp?: DeviceDateTime;
}

/** A PLX Continuous Measurement (0x2A5F): the normal average, and the fast and slow ones when sent. */
export interface PlxContinuousReading extends SpO2PulseRate, PlxStatusFields {
  fast?: SpO2PulseRate;
  slow?: SpO2PulseRate;
}

const SPOT_CHECK = 'PLX Spot-check Measurement';
const CONTINUOUS = 'PLX Continuous Measurement';
const MANDATORY_LENGTH = 5;
const MANDATORY_CONTENT = 'flags, SFLOAT SpO2 and SFLOAT pulse rate';

/** Parses a PLX Spot-check Measurement (0x2A5E) value; throws MeasurementFormatError if it cannot be trusted. */
export function parsePlxSpotCheck(view: DataView): PlxSpotCheckReading {
  requireMandatory(view, MANDATORY_LENGTH, SPOT_CHECK, MANDATORY_CONTENT);
  const flags = view.getUint8(0);
  const fields = new FieldCursor(view, MANDATORY_LENGTH, SPOT_CHECK);
  const reading: PlxSpotCheckReading = readPair(view, 1, '', SPOT_CHECK);
  if (flags & 0x01) {
    const timestamp = dateTimeValue(view, fields.take('time stamp', DATE_TIME_LENGTH), 'time stamp', SPOT_CHECK);
    // Bit 4: the device itself says its clock was never set, whatever the fields look like.
    if ((flags & 0x10) !== 0 && timestamp.kind === 'known') {
      const { kind: _known, local: _local, ...dateTime } = timestamp;
      reading.timestamp = { kind: 'unknown', ...dateTime };
    } else {
      reading.timestamp = timestamp;
    }
  }
  const present = { measurementStatus: (flags & 0x02) !== 0, deviceStatus: (flags & 0x04) !== 0, pai: (flags & 0x08) !== 0 };
  return { ...reading, ...readStatusFields(view, fields, present, SPOT_CHECK) };
}

/** Parses a PLX Continuous Measurement (0x2A5F) value; throws MeasurementFormatError if it cannot be trusted. */
export function parsePlxContinuous(view: DataView): PlxContinuousReading {
  requireMandatory(view, MANDATORY_LENGTH, CONTINUOUS, MANDATORY_CONTENT);
  const flags = view.getUint8(0);
  const fields = new FieldCursor(view, MANDATORY_LENGTH, CONTINUOUS);
  const reading: PlxContinuousReading = readPair(view, 1, '', CONTINUOUS);
  if (flags & 0x01) reading.fast = readPair(view, fields.take('SpO2PR-Fast', 4), ' (fast)', CONTINUOUS);
  if (flags & 0x02) reading.slow = readPair(view, fields.take('SpO2PR-Slow', 4), ' (slow)', CONTINUOUS);
  const present = { measurementStatus: (flags & 0x04) !== 0, deviceStatus: (flags & 0x08) !== 0, pai: (flags & 0x10) !== 0 };
  return { ...reading, ...readStatusFields(view, fields, present, CONTINUOUS) };
}

function readPair(view: DataView, offset: number, suffix: string, characteristic: string): SpO2PulseRate {
  const spo2 = sfloatValue(view, offset, `SpO2${suffix}`, characteristic);
  const pulseRate = sfloatValue(view, offset + 2, `pulse rate${suffix}`, characteristic);
  return {
    spo2: requireWithin(spo2, 0, 100, `SpO2${suffix}`, characteristic),
    pulseRate: requireNotNegative(pulseRate, `pulse rate${suffix}`, characteristic),
  };
}

function readStatusFields(
  view: DataView,
  fields: FieldCursor,
  present: { measurementStatus: boolean; deviceStatus: boolean; pai: boolean },
  characteristic: string,
): PlxStatusFields {
  const status: PlxStatusFields = {};
  if (present.measurementStatus) {
    const bits = view.getUint16(fields.take('measurement status', 2), true);
    status.measurementStatus = decodeBits(bits, MEASUREMENT_STATUS_BITS);
  }
  if (present.deviceStatus) {
    const bits = getUint24(view, fields.take('device and sensor status', 3));
    status.deviceAndSensorStatus = decodeBits(bits, DEVICE_SENSOR_STATUS_BITS);
  }
  if (present.pai) {
    const pai = sfloatValue(view, fields.take('pulse amplitude index', 2), 'pulse amplitude index', characteristic);
    status.pulseAmplitudeIndex = requireWithin(pai, 0, 100, 'pulse amplitude index', characteristic);
  }
  return status;
}
