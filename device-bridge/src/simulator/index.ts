// Virtual peripherals (plain data), the in-process SimulatedTransport for
// tests and the training/demo mode, and the driver of Chromium's Bluetooth
// emulation for end-to-end tests.
export { PERIPHERAL_FAULTS } from './virtual-peripheral';
export type {
  PeripheralFault,
  Reaction,
  ScriptedEvent,
  VirtualCharacteristic,
  VirtualCharacteristicProperties,
  VirtualPeripheral,
  VirtualService,
} from './virtual-peripheral';
export type { PeripheralOptions } from './peripheral-parts';

export {
  simulatedBloodPressureMonitor,
  simulatedHeartRateSensor,
  simulatedPulseOximeter,
  simulatedScale,
  simulatedThermometer,
} from './sig-peripherals';
export { DEFAULT_GLUCOSE_RECORDS, simulatedGlucoseMeter } from './glucose-peripheral';
export type { SimulatedGlucoseRecord } from './glucose-peripheral';
export { DEFAULT_SPIROMETRY, simulatedPc300, simulatedSp80b } from './vendor-peripherals';
export type { Sp80bRecordValues } from './vendor-encoders';
export { simulatedEightLeadEcg, simulatedPolarH10, simulatedWellueEr1 } from './ecg-peripherals';
export type { EcgPeripheralOptions } from './ecg-peripherals';
export { SIMULATED_DEVICE_KINDS, simulatedPeripheral, simulatorDrivers } from './catalogue';
export type { SimulatedDeviceKind } from './catalogue';

export { createDemoEightLeadDriver, DEMO_EIGHT_LEAD_PROTOCOL, DEMO_EIGHT_LEAD_UUIDS } from './demo-eight-lead';

export { SimulatedTransport } from './simulated-transport';
export type { SimulatedTransportOptions } from './simulated-transport';
export type { WrittenValue } from './peripheral-runner';

export { EMULATION_PAGE_SCRIPT } from './page-script';
export { emulatePeripheralInChromium } from './chromium-emulation';
export type { CdpSessionLike, ChromiumEmulation, ChromiumEmulationOptions } from './chromium-emulation';
