import {
  BLOOD_PRESSURE_PANEL_LOINC,
  checkVital,
  VITAL_KINDS,
  VITALS,
  vitalByLoinc,
  type ObservationDoc,
  type VitalKind,
} from '@prossima/domain';

/** What a row of the record shows: a blood-pressure panel as one reading, any other vital by its kind. */
export type ReadingKind = 'blood-pressure' | VitalKind;

/** One measured value of a reading, flagged when outside the kind's expected range. */
export interface ReadingValue {
  kind: VitalKind;
  value: number;
  outOfRange: boolean;
}

/** A stored observation as the screens show it. */
export interface VitalReading {
  kind: ReadingKind;
  observationId: string;
  effectiveAt: string;
  source: ObservationDoc['source']['kind'];
  /** One value, or systolic, diastolic (and MAP when measured) for blood pressure. */
  values: ReadingValue[];
  /** Whether any value is outside its expected range. */
  outOfRange: boolean;
}

/** The readings of one kind, oldest first (a trend). */
export interface ReadingSeries {
  kind: ReadingKind;
  readings: VitalReading[];
}

/** The order in which kinds are listed: blood pressure first, then the table order of `VITALS`. */
export const READING_ORDER: readonly ReadingKind[] = ['blood-pressure', ...VITAL_KINDS];

/** The value kinds a reading of `kind` holds (what a chart draws as lines). */
export function valueKindsOf(kind: ReadingKind): VitalKind[] {
  return kind === 'blood-pressure' ? ['systolic', 'diastolic'] : [kind];
}

function readingValue(kind: VitalKind, value: number): ReadingValue {
  const check = checkVital(kind, value);
  // A stored value that cannot exist (written before the rule) is flagged too: it needs a look.
  return { kind, value, outOfRange: !check.ok || check.warnings.length > 0 };
}

const PANEL_COMPONENTS: readonly VitalKind[] = ['systolic', 'diastolic', 'mean-arterial-pressure'];

/** The reading of an observation, or `null` for a code that is not a vital sign (or a panel missing a pressure). */
export function readingOf(observation: ObservationDoc): VitalReading | null {
  let kind: ReadingKind;
  let values: ReadingValue[];
  if (observation.code === BLOOD_PRESSURE_PANEL_LOINC) {
    kind = 'blood-pressure';
    values = [];
    for (const component of PANEL_COMPONENTS) {
      const found = observation.components?.find((c) => c.code === VITALS[component].loinc);
      if (found) values.push(readingValue(component, found.value));
    }
    if (!values.some((v) => v.kind === 'systolic') || !values.some((v) => v.kind === 'diastolic')) return null;
  } else {
    const vital = vitalByLoinc(observation.code);
    if (!vital || observation.value === undefined) return null;
    kind = vital.kind;
    values = [readingValue(vital.kind, observation.value)];
  }
  return {
    kind,
    observationId: observation.id,
    effectiveAt: observation.effectiveAt,
    source: observation.source.kind,
    values,
    outOfRange: values.some((v) => v.outOfRange),
  };
}

/** The readings of the observations still in force (a correction replaces, through `supersedes`, the one it corrects). */
function currentReadings(observations: readonly ObservationDoc[]): VitalReading[] {
  const superseded = new Set(observations.flatMap((o) => (o.supersedes ? [o.supersedes] : [])));
  return observations
    .filter((o) => !superseded.has(o.id))
    .map(readingOf)
    .filter((r): r is VitalReading => r !== null);
}

function byKindOrder(a: { kind: ReadingKind }, b: { kind: ReadingKind }): number {
  return READING_ORDER.indexOf(a.kind) - READING_ORDER.indexOf(b.kind);
}

/** Oldest first; the same instant falls back to the id so the order is stable. */
function chronological(a: VitalReading, b: VitalReading): number {
  return a.effectiveAt.localeCompare(b.effectiveAt) || a.observationId.localeCompare(b.observationId);
}

/**
 * The newest reading of each kind among `observations` (blood-pressure panels
 * as one kind), in {@link READING_ORDER}. Superseded observations and codes
 * that are not vital signs are left out.
 */
export function latestByKind(observations: readonly ObservationDoc[]): VitalReading[] {
  const latest = new Map<ReadingKind, VitalReading>();
  for (const reading of currentReadings(observations)) {
    const held = latest.get(reading.kind);
    if (!held || chronological(held, reading) < 0) latest.set(reading.kind, reading);
  }
  return [...latest.values()].sort(byKindOrder);
}

/** Every reading of `observations`, grouped by kind in {@link READING_ORDER}, each group oldest first. */
export function readingsByKind(observations: readonly ObservationDoc[]): ReadingSeries[] {
  const groups = new Map<ReadingKind, VitalReading[]>();
  for (const reading of currentReadings(observations)) {
    const group = groups.get(reading.kind);
    if (group) group.push(reading);
    else groups.set(reading.kind, [reading]);
  }
  return [...groups.entries()].map(([kind, readings]) => ({ kind, readings: readings.sort(chronological) })).sort(byKindOrder);
}

/** A reading's value of one kind (a line of a blood-pressure chart), or `undefined`. */
export function valueOf(reading: VitalReading, kind: VitalKind): number | undefined {
  return reading.values.find((v) => v.kind === kind)?.value;
}
