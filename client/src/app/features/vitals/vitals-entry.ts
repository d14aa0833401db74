import {
  BLOOD_PRESSURE_PANEL_LOINC,
  bloodPressurePanel,
  checkBloodPressure,
  checkVital,
  toObservationFields,
  vitalByLoinc,
  VITALS,
  type ObservationDoc,
  type PatientDoc,
  type VitalKind,
  type VitalRange,
} from '@prossima/domain';
import type { Language } from '../../core/i18n/language';
import { formatExpectedRange } from './format-vital';
import { parseDecimal, type DecimalParseFailure } from './parse-decimal';

/** The fields of the manual vital-signs form, in screen order. */
export const ENTRY_KINDS = [
  'systolic',
  'diastolic',
  'heart-rate',
  'spo2',
  'body-temperature',
  'respiratory-rate',
  'body-weight',
  'capillary-glucose',
  'pain-nrs',
] as const satisfies readonly VitalKind[];

/** One field of the form. */
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** What was typed (or chosen) in each field; a missing or blank field was left empty. */
export type EntryTexts = Partial<Record<EntryKind, string>>;

/** Why a field blocks saving. */
export type EntryProblem =
  | { kind: EntryKind; code: 'unreadable'; reason: DecimalParseFailure; text: string }
  | { kind: EntryKind; code: 'missing-partner' }
  | { kind: EntryKind; code: 'refused'; message: { it: string; en: string } };

/** A value accepted outside its expected range: saving needs a confirmation. */
export interface EntryWarning {
  kind: EntryKind;
  expected: VitalRange;
  /** The domain's sentence naming the measure, the value and the range. */
  message: { it: string; en: string };
}

/** The answer of {@link checkEntry}. */
export interface EntryCheck {
  /** The values that can be saved (every field without a problem). */
  values: Partial<Record<EntryKind, number>>;
  /** Problems in field order: while there is one, nothing is saved. */
  problems: EntryProblem[];
  warnings: EntryWarning[];
  /** Whether every field was left empty. */
  empty: boolean;
}

/** A check with nothing typed. */
export const EMPTY_CHECK: EntryCheck = { values: {}, problems: [], warnings: [], empty: true };

function byField(a: { kind: EntryKind }, b: { kind: EntryKind }): number {
  return ENTRY_KINDS.indexOf(a.kind) - ENTRY_KINDS.indexOf(b.kind);
}

/**
 * Reads and checks the form: each field with `parseDecimal` and the domain's
 * `checkVital`, then the blood-pressure pair with `checkBloodPressure` (a
 * diastolic not below the systolic is the diastolic's problem). With
 * `requirePair`, a systolic without diastolic (or the reverse) is a problem
 * of the empty field; it is left off while the person is still typing.
 */
export function checkEntry(texts: EntryTexts, { requirePair }: { requirePair: boolean }): EntryCheck {
  const values: Partial<Record<EntryKind, number>> = {};
  const problems: EntryProblem[] = [];
  const warnings: EntryWarning[] = [];
  let empty = true;
  for (const kind of ENTRY_KINDS) {
    const text = texts[kind]?.trim() ?? '';
    if (text === '') continue;
    empty = false;
    const parsed = parseDecimal(text);
    if (!parsed.ok) {
      problems.push({ kind, code: 'unreadable', reason: parsed.reason, text });
      continue;
    }
    const check = checkVital(kind, parsed.value);
    if (!check.ok) {
      problems.push({ kind, code: 'refused', message: check.problem.message });
      continue;
    }
    values[kind] = parsed.value;
    for (const warning of check.warnings) warnings.push({ kind, expected: VITALS[kind].expected!, message: warning.message });
  }
  const { systolic, diastolic } = values;
  if (systolic !== undefined && diastolic !== undefined) {
    const pair = checkBloodPressure(systolic, diastolic);
    if (!pair.ok) {
      // Only the order can fail here: each value passed checkVital above.
      problems.push({ kind: 'diastolic', code: 'refused', message: pair.problem.message });
      delete values.diastolic;
    }
  }
  if (requirePair) {
    const typed = (kind: EntryKind) => (texts[kind]?.trim() ?? '') !== '';
    if (typed('systolic') && !typed('diastolic')) problems.push({ kind: 'diastolic', code: 'missing-partner' });
    if (typed('diastolic') && !typed('systolic')) problems.push({ kind: 'systolic', code: 'missing-partner' });
  }
  return { values, problems: problems.sort(byField), warnings, empty };
}

/**
 * A message shown to people, as a translation key and its parameters (a
 * domain sentence, already in the language, goes through `vitals.form.domain`).
 */
export interface EntryMessage {
  key: string;
  params: Record<string, string>;
}

/** The message of a problem in `lang`: the domain's sentence, or one of `vitals.form.problems` naming the field. */
export function problemMessage(problem: EntryProblem, lang: Language): EntryMessage {
  const label = VITALS[problem.kind].label[lang];
  switch (problem.code) {
    case 'refused':
      return { key: 'vitals.form.domain', params: { text: problem.message[lang] } };
    case 'unreadable':
      return { key: `vitals.form.problems.${problem.reason}`, params: { label, text: problem.text } };
    case 'missing-partner':
      return { key: `vitals.form.problems.missing-${problem.kind}`, params: { label } };
  }
}

/** The short warning shown under a field: "Fuori dall'intervallo atteso 90–139 mmHg: controlla". */
export function warningMessage(warning: EntryWarning, lang: Language): EntryMessage {
  return { key: 'vitals.form.outOfRange', params: { range: formatExpectedRange(warning.kind, lang) ?? '' } };
}

/** Who records, for whom, when. */
export interface EntryContext {
  patient: Pick<PatientDoc, 'id' | 'districtId'>;
  visitId?: string;
  userId: string;
  now: Date;
}

/** Characters of the patient id kept in an observation id, so the id stays within 100 characters. */
const PATIENT_ID_PART = 60;

/** `obs-<patientId>-<epoch ms>-<kind>`, lower-case, within the document id pattern. */
export function observationId(patientId: string, at: Date, kind: string): string {
  return `obs-${patientId.slice(0, PATIENT_ID_PART)}-${at.getTime()}-${kind}`.toLowerCase();
}

/**
 * The observations of checked `values` (from {@link checkEntry} without
 * problems): blood pressure as one panel (85354-9, systolic and diastolic
 * components), every other value as one observation with its LOINC code and
 * UCUM unit, all at the same instant, typed in by hand.
 */
export function buildObservations(values: Partial<Record<EntryKind, number>>, context: EntryContext): ObservationDoc[] {
  const base = (kind: string) => manualObservationBase(context, kind);
  const docs: ObservationDoc[] = [];
  if (values.systolic !== undefined && values.diastolic !== undefined) {
    docs.push({ ...base('blood-pressure'), ...bloodPressurePanel(values.systolic, values.diastolic) });
  }
  for (const kind of ENTRY_KINDS) {
    const value = values[kind];
    if (kind === 'systolic' || kind === 'diastolic' || value === undefined) continue;
    docs.push({ ...base(kind), ...toObservationFields(kind, value) });
  }
  return docs;
}

/** The fields every observation typed in by hand shares (`part` names it in the id): the patient, the visit, now, by whom. */
export function manualObservationBase({ patient, visitId, userId, now }: EntryContext, part: string) {
  const instant = now.toISOString();
  return {
    id: observationId(patient.id, now, part),
    districtId: patient.districtId,
    patientId: patient.id,
    ...(visitId ? { visitId } : {}),
    effectiveAt: instant,
    source: { kind: 'manual' as const },
    updatedAt: instant,
    updatedBy: userId,
  };
}

/** The form fields an observation came from: systolic and diastolic for a panel, else its own kind. */
export function entryKindsOf(observation: Pick<ObservationDoc, 'code'>): EntryKind[] {
  if (observation.code === BLOOD_PRESSURE_PANEL_LOINC) return ['systolic', 'diastolic'];
  const kind = vitalByLoinc(observation.code)?.kind;
  return ENTRY_KINDS.filter((k) => k === kind);
}
