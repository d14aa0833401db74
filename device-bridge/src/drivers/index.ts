// Device drivers: one per family or vendor protocol, the registry that picks
// one for a device, and the battery / device information helpers.
export type { DeviceDescription, DeviceDriver, MeasureOptions, MeasurementProgress } from './driver';
export type {
  BloodPressureMeasurement,
  DeviceFamily,
  EcgMeasurement,
  GlucoseMeasurement,
  GlucoseRecord,
  HeartRateMeasurement,
  Measurement,
  MeasurementBase,
  MultiparameterBloodPressure,
  MultiparameterMeasurement,
  MultiparameterSpo2,
  MultiparameterTemperature,
  PulseOximeterMeasurement,
  RawNotification,
  SpirometerMeasurement,
  ThermometerMeasurement,
  WeightMeasurement,
} from './measurement';

export { BloodPressureDriver } from './blood-pressure/blood-pressure-driver';
export { PulseOximeterDriver } from './pulse-oximeter/pulse-oximeter-driver';
export type { PulseOximeterDriverOptions } from './pulse-oximeter/pulse-oximeter-driver';
export { ThermometerDriver } from './thermometer/thermometer-driver';
export { HeartRateDriver } from './heart-rate/heart-rate-driver';
export type { HeartRateDriverOptions } from './heart-rate/heart-rate-driver';
export { WeightScaleDriver } from './weight/weight-scale-driver';
export { GlucoseDriver } from './glucose/glucose-driver';
export { ContecPc300Driver } from './multiparameter/contec-pc300-driver';
export type { ContecPc300DriverOptions } from './multiparameter/contec-pc300-driver';
export { ContecSp80bDriver } from './spirometer/contec-sp80b-driver';
export { PolarH10EcgDriver } from './ecg/polar-h10-driver';
export { WellueErEcgDriver } from './ecg/wellue-er-driver';
export type { WellueErEcgDriverOptions } from './ecg/wellue-er-driver';
export { EightLeadEcgDriver } from './ecg/eight-lead-driver';
export type { EightLeadEcgDevice } from './ecg/eight-lead-driver';
export { DEFAULT_ECG_DURATION_S } from './ecg/ecg-recording';

export { KIT_DRIVERS, driverFor, driversFor, kitRequestOptions } from './registry';
export { readBatteryLevel, readDeviceInformation } from './device-info';
