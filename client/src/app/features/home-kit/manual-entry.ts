import {
  SPIROMETRY_PANEL_LOINC,
  BLOOD_PRESSURE_PANEL_LOINC,
  bloodPressurePanel,
  checkBloodPressure,
  checkVital,
  toObservationFields,
  vitalByLoinc,
  type ObservationDoc,
  type VitalKind,
} from '@prossima/domain';
import { manualObservationBase, type EntryContext } from '../vitals/vitals-entry';
import { parseDecimal } from '../vitals/parse-decimal';
import { HOME_KIND_DEFINITIONS, type HomeKind } from './home-kinds';

/** What the patient typed in each field of the manual form. */
export type ManualTexts = Partial<Record<VitalKind, string>>;

/** Why a field blocks saving: left empty though needed, not a number, or a value that cannot be real (the domain's sentence). */
export type ManualProblem =
  | { kind: VitalKind; code: 'missing' }
  | { kind: VitalKind; code: 'unreadable' }
  | { kind: VitalKind; code: 'refused'; message: { it: string; en: string } };

const FEV1_ABOVE_FVC = {
  it: 'FEV1 non può essere più grande di FVC: controlla di non averli scambiati.',
  en: 'FEV1 cannot be larger than FVC: check that they are not swapped.',
};

/** The answer of {@link checkManual}. */
export interface ManualCheck {
  /** The values read (only meaningful when there is no problem). */
  values: Partial<Record<VitalKind, number>>;
  /** In field order; while there is one, nothing is saved. */
  problems: ManualProblem[];
  /** Fields whose value is possible but outside the expected range: saving asks "is it right?" first. */
  unusual: VitalKind[];
}

/**
 * Reads and checks the manual form of `kind` with the domain's vital table:
 * each field with `checkVital`, the two pressures together with
 * `checkBloodPressure` (a minimum not below the maximum is refused on the
 * minimum). Required fields left empty are problems; optional ones are skipped,
 * and so are the fields `alreadyStored` by an attempt whose other writes failed.
 */
export function checkManual(kind: HomeKind, texts: ManualTexts, alreadyStored: ReadonlySet<VitalKind> = new Set()): ManualCheck {
  const values: Partial<Record<VitalKind, number>> = {};
  const problems: ManualProblem[] = [];
  const unusual: VitalKind[] = [];
  for (const field of HOME_KIND_DEFINITIONS[kind].manual) {
    if (alreadyStored.has(field.kind)) continue;
    const text = texts[field.kind]?.trim() ?? '';
    if (text === '') {
      if (field.required) problems.push({ kind: field.kind, code: 'missing' });
      continue;
    }
    const parsed = parseDecimal(text);
    if (!parsed.ok) {
      problems.push({ kind: field.kind, code: 'unreadable' });
      continue;
    }
    const check = checkVital(field.kind, parsed.value);
    if (!check.ok) {
      problems.push({ kind: field.kind, code: 'refused', message: check.problem.message });
      continue;
    }
    values[field.kind] = parsed.value;
    if (check.warnings.length > 0) unusual.push(field.kind);
  }
  const { systolic, diastolic, fev1, fvc } = values;
  if (systolic !== undefined && diastolic !== undefined) {
    const pair = checkBloodPressure(systolic, diastolic);
    if (!pair.ok) {
      // Each value passed checkVital: only the order can fail here.
      problems.push({ kind: 'diastolic', code: 'refused', message: pair.problem.message });
      delete values.diastolic;
    }
  }
  // The air blown out in the first second is part of all the air blown out: a larger FEV1 is a slip.
  if (fev1 !== undefined && fvc !== undefined && fev1 > fvc) {
    problems.push({ kind: 'fev1', code: 'refused', message: FEV1_ABOVE_FVC });
    delete values.fev1;
  }
  return { values, problems, unusual };
}

/** The spirometry indices typed by hand, in the order of the devices feature's panel. */
const SPIROMETRY_COMPONENTS: readonly VitalKind[] = ['fvc', 'fev1'];
/** Values stored as components of a panel rather than as observations of their own. */
const PANEL_PARTS: ReadonlySet<VitalKind> = new Set(['systolic', 'diastolic', ...SPIROMETRY_COMPONENTS]);

/**
 * The observations of checked values (from {@link checkManual} without
 * problems), typed in by the patient: the two pressures as one panel, FEV1
 * (with FVC) as one spirometry panel (81458-2), every other value as one
 * observation, all at the same instant. Ids follow the
 * vitals form's pattern, so a panel typed here and one typed by the nurse
 * look the same to every screen and to the server.
 */
export function manualObservations(values: Partial<Record<VitalKind, number>>, context: EntryContext): ObservationDoc[] {
  const base = (part: string) => manualObservationBase(context, part);
  const docs: ObservationDoc[] = [];
  if (values.systolic !== undefined && values.diastolic !== undefined) {
    docs.push({ ...base('blood-pressure'), ...bloodPressurePanel(values.systolic, values.diastolic) });
  }
  if (values.fev1 !== undefined) {
    // The same panel the devices feature stores for a spirometer: one manoeuvre, its indices together.
    const components = SPIROMETRY_COMPONENTS.flatMap((kind) => {
      const value = values[kind];
      return value === undefined ? [] : [toObservationFields(kind, value)];
    });
    docs.push({ ...base('spirometry'), code: SPIROMETRY_PANEL_LOINC, components });
  }
  for (const [kind, value] of Object.entries(values) as [VitalKind, number][]) {
    if (PANEL_PARTS.has(kind)) continue;
    docs.push({ ...base(kind), ...toObservationFields(kind, value) });
  }
  return docs;
}

/** The fields an observation came from: the parts of a panel, else its own kind. */
export function manualKindsOf(observation: Pick<ObservationDoc, 'code'>): VitalKind[] {
  if (observation.code === BLOOD_PRESSURE_PANEL_LOINC) return ['systolic', 'diastolic'];
  if (observation.code === SPIROMETRY_PANEL_LOINC) return [...SPIROMETRY_COMPONENTS];
  const kind = vitalByLoinc(observation.code)?.kind;
  return kind ? [kind] : [];
}
