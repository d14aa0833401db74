// Public API of @prossima/device-bridge. Names are listed one by one so that
// nothing internal leaks out; testing/ helpers are deliberately not exported.
export { MeasurementFormatError } from './errors';
export type { MeasurementFormatCode, MeasurementFormatProblem } from './errors';

export { decodeSfloat, decodeFloat, sfloatValue, floatValue, requireValue } from './gatt/ieee11073';
export type { Ieee11073Number, Ieee11073Special } from './gatt/ieee11073';

export { DATE_TIME_LENGTH, decodeDateTime, dateTimeValue } from './gatt/date-time';
export type { DateTimeDecoding, DateTimeFields, DeviceDateTime } from './gatt/date-time';

export {
  BLOOD_PRESSURE_UUIDS,
  UNKNOWN_USER_ID,
  parseBloodPressureMeasurement,
  parseIntermediateCuffPressure,
} from './gatt/blood-pressure';
export type {
  BloodPressureReading,
  BloodPressureStatus,
  CuffOptionalFields,
  CuffPressureReading,
  PressureUnit,
  PulseRange,
} from './gatt/blood-pressure';
