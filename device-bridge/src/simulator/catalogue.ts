/** Every simulated device by kind, for a demo picker and for tests that loop over them. */
import type { DeviceDriver } from '../drivers/driver';
import { KIT_DRIVERS } from '../drivers/registry';
import { createDemoEightLeadDriver } from './demo-eight-lead';
import { simulatedEightLeadEcg, simulatedPolarH10, simulatedWellueEr1 } from './ecg-peripherals';
import { simulatedGlucoseMeter } from './glucose-peripheral';
import type { PeripheralOptions } from './peripheral-parts';
import {
  simulatedBloodPressureMonitor,
  simulatedHeartRateSensor,
  simulatedPulseOximeter,
  simulatedScale,
  simulatedThermometer,
} from './sig-peripherals';
import { simulatedPc300, simulatedSp80b } from './vendor-peripherals';
import type { VirtualPeripheral } from './virtual-peripheral';

const GENERATORS = {
  'blood-pressure': simulatedBloodPressureMonitor,
  'pulse-oximeter': simulatedPulseOximeter,
  thermometer: simulatedThermometer,
  'heart-rate': simulatedHeartRateSensor,
  weight: simulatedScale,
  glucose: simulatedGlucoseMeter,
  multiparameter: simulatedPc300,
  spirometer: simulatedSp80b,
  'ecg-polar-h10': simulatedPolarH10,
  'ecg-wellue-er1': simulatedWellueEr1,
  'ecg-eight-lead': simulatedEightLeadEcg,
} as const satisfies Record<string, (options?: PeripheralOptions) => VirtualPeripheral>;

/** The kinds of simulated device. */
export type SimulatedDeviceKind = keyof typeof GENERATORS;

/** Every kind, in the order a demo shows them. */
export const SIMULATED_DEVICE_KINDS = Object.keys(GENERATORS) as readonly SimulatedDeviceKind[];

/** The virtual peripheral of one kind, with its defaults (and a fault when asked for). */
export function simulatedPeripheral(kind: SimulatedDeviceKind, options: PeripheralOptions = {}): VirtualPeripheral {
  const generate: (options?: PeripheralOptions) => VirtualPeripheral = GENERATORS[kind];
  if (generate === undefined) throw new TypeError(`simulatedPeripheral(): unknown kind "${String(kind)}"`);
  return generate(options);
}

/** The kit drivers plus the demo 8-lead driver: what the training mode passes to `driverFor`. */
export function simulatorDrivers(): DeviceDriver[] {
  return [...KIT_DRIVERS, createDemoEightLeadDriver()];
}
