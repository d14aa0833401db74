import type { DeviceFamily } from '@prossima/device-bridge';
import type { VitalKind } from '@prossima/domain';
import type { ReadingKind } from '../vitals/vital-readings';

/** The six things a patient measures at home; each is also its route segment (`casa/misura/<kind>`). */
export const HOME_KINDS = ['pressione', 'ossigeno', 'temperatura', 'ecg', 'spirometria', 'peso'] as const;

/** One of the six home measurements. */
export type HomeKind = (typeof HOME_KINDS)[number];

/** A field of the manual fallback form. */
export interface ManualField {
  kind: VitalKind;
  /** Whether the measurement cannot be saved without it (a cuff always shows both pressures, not every one the pulse). */
  required: boolean;
  /** A plausible value shown as "per esempio …" in the field's hint and in its error. */
  example: { it: string; en: string };
}

/** How one home measurement is measured, typed in and shown. */
export interface HomeKindDefinition {
  kind: HomeKind;
  /** The kit's device families that measure it (the multiparameter monitor also reads pressure, oxygen, temperature). */
  families: readonly DeviceFamily[];
  /** The series the history charts (a blood-pressure panel, or one vital kind). */
  series: ReadingKind;
  /** How many preparation steps `homeKit.steps.<kind>.<n>` holds (1-based), before the device or manual step. */
  stepCount: number;
  /** The fields typed by hand when no device can be reached; empty when the value cannot be typed (ECG). */
  manual: readonly ManualField[];
}

const example = (it: string, en = it) => ({ it, en });

/** The six home measurements, in the order of the home screen. */
export const HOME_KIND_DEFINITIONS: Readonly<Record<HomeKind, HomeKindDefinition>> = {
  pressione: {
    kind: 'pressione',
    families: ['blood-pressure', 'multiparameter'],
    series: 'blood-pressure',
    stepCount: 2,
    manual: [
      { kind: 'systolic', required: true, example: example('130') },
      { kind: 'diastolic', required: true, example: example('80') },
      { kind: 'heart-rate', required: false, example: example('72') },
    ],
  },
  ossigeno: {
    kind: 'ossigeno',
    families: ['pulse-oximeter', 'multiparameter'],
    series: 'spo2',
    stepCount: 2,
    manual: [
      { kind: 'spo2', required: true, example: example('97') },
      { kind: 'heart-rate', required: false, example: example('72') },
    ],
  },
  temperatura: {
    kind: 'temperatura',
    families: ['thermometer', 'multiparameter'],
    series: 'body-temperature',
    stepCount: 2,
    manual: [{ kind: 'body-temperature', required: true, example: example('36,8', '36.8') }],
  },
  ecg: {
    kind: 'ecg',
    families: ['ecg'],
    series: 'ecg-heart-rate',
    stepCount: 2,
    // A trace cannot be typed in: the fallback says so instead of offering a form.
    manual: [],
  },
  spirometria: {
    kind: 'spirometria',
    families: ['spirometer'],
    // FEV1 is the value home follow-up of COPD and asthma watches; FVC is kept when typed or read.
    series: 'fev1',
    stepCount: 2,
    manual: [
      { kind: 'fev1', required: true, example: example('2,60', '2.60') },
      { kind: 'fvc', required: false, example: example('3,20', '3.20') },
    ],
  },
  peso: {
    kind: 'peso',
    families: ['weight'],
    series: 'body-weight',
    stepCount: 2,
    manual: [{ kind: 'body-weight', required: true, example: example('72,5', '72.5') }],
  },
};

/** Whether a route segment names a home measurement. */
export function isHomeKind(value: string): value is HomeKind {
  return (HOME_KINDS as readonly string[]).includes(value);
}

/**
 * The translation keys of a kind's guided steps, in order: the preparation
 * (`homeKit.steps.<kind>.<n>`), then what to do for the value: start the
 * device panel's measurement and save it (`.device`), or type what the
 * device's display shows (`.manual`).
 */
export function stepKeys(kind: HomeKind, mode: 'device' | 'manual' = 'device'): string[] {
  const preparation = Array.from({ length: HOME_KIND_DEFINITIONS[kind].stepCount }, (_, i) => `homeKit.steps.${kind}.${i + 1}`);
  return [...preparation, `homeKit.steps.${kind}.${mode}`];
}
