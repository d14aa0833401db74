/**
 * The device families the measure panel offers, how each maps to a DeviceDoc
 * kind, how many guided steps it shows (`devices.guide.<family>.<n>`), and
 * the simulated devices that stand in for it in the training mode.
 */
import {
  simulatedBloodPressureMonitor,
  simulatedPeripheral,
  simulatedPolarH10,
  simulatedScale,
  simulatedThermometer,
  type DeviceFamily,
  type SimulatedDeviceKind,
  type VirtualPeripheral,
} from '@prossima/device-bridge';
import type { DeviceDoc } from '@prossima/domain';

/** The families, in the order the panel shows them (the visit's usual measurements first). */
export const MEASURE_FAMILIES: readonly DeviceFamily[] = [
  'blood-pressure',
  'pulse-oximeter',
  'thermometer',
  'ecg',
  'spirometer',
  'weight',
  'glucose',
  'multiparameter',
  'heart-rate',
];

/** The DeviceDoc kind of each family. */
export const DEVICE_KIND_OF: Readonly<Record<DeviceFamily, DeviceDoc['kind']>> = {
  'blood-pressure': 'blood-pressure',
  'pulse-oximeter': 'pulse-oximeter',
  thermometer: 'thermometer',
  'heart-rate': 'heart-rate',
  weight: 'scale',
  glucose: 'glucometer',
  multiparameter: 'multiparameter',
  ecg: 'ecg',
  spirometer: 'spirometer',
};

/** The family a DeviceDoc kind measures, or null (a tablet measures nothing). */
export function familyOfKind(kind: DeviceDoc['kind']): DeviceFamily | null {
  return MEASURE_FAMILIES.find((family) => DEVICE_KIND_OF[family] === kind) ?? null;
}

/** How many guided steps each family shows before "Avvia". */
export const GUIDE_STEP_COUNT: Readonly<Record<DeviceFamily, number>> = {
  'blood-pressure': 3,
  'pulse-oximeter': 2,
  thermometer: 2,
  'heart-rate': 2,
  weight: 2,
  glucose: 2,
  multiparameter: 2,
  ecg: 3,
  spirometer: 3,
};

/** The simulated devices of each family in the training mode (the first is the default). */
export const TRAINING_DEVICES: Readonly<Record<DeviceFamily, readonly SimulatedDeviceKind[]>> = {
  'blood-pressure': ['blood-pressure'],
  'pulse-oximeter': ['pulse-oximeter'],
  thermometer: ['thermometer'],
  'heart-rate': ['heart-rate'],
  weight: ['weight'],
  glucose: ['glucose'],
  multiparameter: ['multiparameter'],
  ecg: ['ecg-polar-h10', 'ecg-eight-lead', 'ecg-wellue-er1'],
  spirometer: ['spirometer'],
};

/** The family a simulated device belongs to. */
export function familyOfSimulated(kind: SimulatedDeviceKind): DeviceFamily {
  return MEASURE_FAMILIES.find((family) => TRAINING_DEVICES[family].includes(kind)) ?? 'ecg';
}

/** A wall-clock time without offset, as the SIG profiles send it ("2025-06-01T09:30:00"). */
export function localDateTime(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

/**
 * The virtual peripheral of a simulated device, its clock set to `now`, so
 * that two readings of the training mode are two readings (the simulator's
 * fixed default time would make the second one a duplicate of the first).
 */
export function trainingPeripheral(kind: SimulatedDeviceKind, now: Date): VirtualPeripheral {
  const time = localDateTime(now);
  switch (kind) {
    case 'blood-pressure':
      return simulatedBloodPressureMonitor({ time });
    case 'thermometer':
      return simulatedThermometer({ time });
    case 'weight':
      return simulatedScale({ time });
    case 'ecg-polar-h10':
      return simulatedPolarH10({ startTime: now.toISOString() });
    default:
      return simulatedPeripheral(kind);
  }
}
