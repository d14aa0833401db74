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

export { canonicalUuid } from './gatt/uuid';

export { ENERGY_EXPENDED_SATURATED, HEART_RATE_UUIDS, parseHeartRateMeasurement } from './gatt/heart-rate';
export type { HeartRateReading, SensorContact } from './gatt/heart-rate';

export {
  HEALTH_THERMOMETER_UUIDS,
  parseIntermediateTemperature,
  parseTemperatureMeasurement,
  parseTemperatureType,
} from './gatt/health-thermometer';
export type { TemperatureReading, TemperatureType, TemperatureUnit } from './gatt/health-thermometer';

export { PULSE_OXIMETER_UUIDS, parsePlxContinuous, parsePlxSpotCheck } from './gatt/pulse-oximeter';
export type {
  PlxContinuousReading,
  PlxDeviceSensorStatus,
  PlxMeasurementStatus,
  PlxSpotCheckReading,
  PlxStatusFields,
  SpO2PulseRate,
} from './gatt/pulse-oximeter';

export { WEIGHT_SCALE_UUIDS, parseWeightMeasurement } from './gatt/weight-scale';
export type { HeightUnit, WeightReading, WeightUnit } from './gatt/weight-scale';

export { GLUCOSE_UUIDS, parseGlucoseMeasurement } from './gatt/glucose-measurement';
export type {
  GlucoseConcentration,
  GlucoseReading,
  GlucoseSampleLocation,
  GlucoseSampleType,
  GlucoseSensorStatus,
  GlucoseUnit,
} from './gatt/glucose-measurement';

export { EXERCISE_DURATION_OVERRUN, parseGlucoseMeasurementContext } from './gatt/glucose-context';
export type {
  CarbohydrateMeal,
  GlucoseContext,
  GlucoseHealth,
  GlucoseMedication,
  GlucoseTester,
  MealRelation,
} from './gatt/glucose-context';

export { encodeRacpRequest, parseRacpResponse } from './gatt/record-access';
export type {
  RacpRecordSelection,
  RacpRequest,
  RacpRequestOp,
  RacpResponse,
  RacpResponseMeaning,
} from './gatt/record-access';

export {
  DEVICE_INFORMATION_UUIDS,
  parseDeviceInformation,
  parseDeviceInformationText,
  parsePnpId,
  parseSystemId,
} from './gatt/device-information';
export type {
  DeviceInformation,
  DeviceInformationText,
  DeviceInformationValues,
  PnpId,
  SystemId,
} from './gatt/device-information';

export { BATTERY_UUIDS, parseBatteryLevel } from './gatt/battery';

export { CURRENT_TIME_UUIDS, encodeCurrentTime, parseCurrentTime } from './gatt/current-time';
export type { AdjustReason, CurrentTime, CurrentTimeFields, DayOfWeek } from './gatt/current-time';

// Vendor protocols (Contec PC-300 and SP80B, Polar PMD, Wellue ER) and the ECG
// strip model: their index files list their public names one by one.
export * from './vendor/index';
export * from './ecg/index';

// Transport, drivers and simulator: their index files list their public names one by one.
export * from './transport/index';
export * from './drivers/index';
export * from './simulator/index';
