import { SPIROMETRY_PANEL_LOINC, checkVital, VITALS, type ObservationDoc, type VitalKind } from '@prossima/domain';
import { readingOf, type ReadingSeries, type ReadingValue, type VitalReading } from '../vitals/vital-readings';
import { HOME_KIND_DEFINITIONS, HOME_KINDS, type HomeKind } from './home-kinds';

/** A kind's history: its readings oldest first (at least one). */
export interface HomeHistory {
  kind: HomeKind;
  readings: VitalReading[];
}

/** How many readings per kind the home screen charts and lists: a fortnight of daily readings, enough to see a trend. */
export const HISTORY_LENGTH = 14;

/** The spirometry values the home screen shows, the first being the one it charts. */
const SPIROMETRY_SHOWN: readonly VitalKind[] = ['fev1', 'fvc'];

function readingValue(kind: VitalKind, value: number): ReadingValue {
  const check = checkVital(kind, value);
  return { kind, value, outOfRange: !check.ok || check.warnings.length > 0 };
}

/**
 * A spirometry panel (81458-2, one manoeuvre, its indices as components) as
 * a reading of FEV1 carrying FVC beside it; `null` without an FEV1.
 */
function spirometryReading(observation: ObservationDoc): VitalReading | null {
  const values = SPIROMETRY_SHOWN.flatMap((kind) => {
    const found = observation.components?.find((c) => c.code === VITALS[kind].loinc);
    return found ? [readingValue(kind, found.value)] : [];
  });
  if (!values.some((v) => v.kind === 'fev1')) return null;
  return {
    kind: 'fev1',
    observationId: observation.id,
    effectiveAt: observation.effectiveAt,
    source: observation.source.kind,
    values,
    outOfRange: values.some((v) => v.outOfRange),
  };
}

/**
 * The reading of an observation as the home screen shows it: the vitals
 * feature's reading (a pressure panel as one, ECG as its heart rate 76282-3),
 * and a spirometry panel as its FEV1; `null` for anything else.
 */
export function homeReadingOf(observation: ObservationDoc): VitalReading | null {
  return observation.code === SPIROMETRY_PANEL_LOINC ? spirometryReading(observation) : readingOf(observation);
}

function chronological(a: VitalReading, b: VitalReading): number {
  return a.effectiveAt.localeCompare(b.effectiveAt) || a.observationId.localeCompare(b.observationId);
}

/**
 * The patient's history per home kind, in the order of the home screen's
 * buttons; kinds never measured are left out, and so are observations a
 * correction superseded. Each kind keeps its last {@link HISTORY_LENGTH} readings.
 */
export function homeHistories(observations: readonly ObservationDoc[], length = HISTORY_LENGTH): HomeHistory[] {
  const superseded = new Set(observations.flatMap((o) => (o.supersedes ? [o.supersedes] : [])));
  const readings = observations
    .filter((o) => !superseded.has(o.id))
    .map(homeReadingOf)
    .filter((r): r is VitalReading => r !== null)
    .sort(chronological);
  return HOME_KINDS.flatMap((kind) => {
    const series = HOME_KIND_DEFINITIONS[kind].series;
    const own = readings.filter((r) => r.kind === series);
    return own.length > 0 ? [{ kind, readings: own.slice(-length) }] : [];
  });
}

/** The newest reading of a history. */
export function latestOf(history: HomeHistory): VitalReading {
  return history.readings[history.readings.length - 1];
}

/** A history as the vitals trend chart draws it. */
export function chartSeries(history: HomeHistory): ReadingSeries {
  return { kind: HOME_KIND_DEFINITIONS[history.kind].series, readings: history.readings };
}

/**
 * What a save produced, for the result screen: the reading of the kind's
 * series (the big number), then any other value measured with it (the pulse a
 * cuff reads), and whether any value is out of range.
 */
export interface SavedResult {
  /** `null` only when nothing saved is a value the home screen knows. */
  primary: VitalReading | null;
  others: VitalReading[];
  outOfRange: boolean;
}

/** The result of the observations one measurement saved. */
export function savedResult(kind: HomeKind, saved: readonly ObservationDoc[]): SavedResult {
  const readings = saved.map(homeReadingOf).filter((r): r is VitalReading => r !== null);
  const series = HOME_KIND_DEFINITIONS[kind].series;
  // A device may measure something else than asked (the multiparameter monitor set to SpO2): show what it measured.
  const primary = readings.find((r) => r.kind === series) ?? readings[0] ?? null;
  const others = readings.filter((r) => r !== primary);
  return { primary, others, outOfRange: readings.some((r) => r.outOfRange) };
}
