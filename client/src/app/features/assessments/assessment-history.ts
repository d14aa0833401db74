import {
  compareWithPrevious,
  INSTRUMENTS,
  InstrumentAnswerError,
  InstrumentConfigError,
  instrumentById,
  localDate,
  type AssessmentDoc,
  type InstrumentComparison,
  type InstrumentDefinition,
  type InstrumentText,
} from '@prossima/domain';
import { scoreOfRecord } from './assessment-record';

/** The results of one instrument for one patient. */
export interface InstrumentHistory {
  /** The canonical id (aliases resolved), or the stored id of an instrument this version does not know. */
  instrumentId: string;
  definition: InstrumentDefinition | undefined;
  /** Oldest first; corrected results are left out. */
  results: AssessmentDoc[];
  latest: AssessmentDoc;
  previous: AssessmentDoc | undefined;
  /** How the latest moved since the previous; `undefined` for a first result or an unknown instrument. */
  comparison: InstrumentComparison | undefined;
}

/** The canonical id of a stored result (`nrs-pain` → `nrs`). */
function canonicalId(doc: AssessmentDoc): string {
  return instrumentById(doc.instrumentId)?.id ?? doc.instrumentId;
}

/** The comparison of two results, or `undefined` when the engine cannot compare them (unknown instrument). */
function compare(latest: AssessmentDoc, previous: AssessmentDoc | undefined): InstrumentComparison | undefined {
  if (!previous) return undefined;
  try {
    return compareWithPrevious(scoreOfRecord(latest), scoreOfRecord(previous));
  } catch (error) {
    if (error instanceof InstrumentAnswerError || error instanceof InstrumentConfigError) return undefined;
    throw error;
  }
}

/**
 * A patient's results grouped by instrument, in the order lists show
 * instruments (unknown ones last). A result another one `supersedes` is a
 * correction's original and is left out: append-only data, latest word wins.
 */
export function historyByInstrument(docs: readonly AssessmentDoc[]): InstrumentHistory[] {
  const superseded = new Set(docs.map((d) => d.supersedes).filter((id): id is string => !!id));
  const groups = new Map<string, AssessmentDoc[]>();
  for (const doc of docs) {
    if (superseded.has(doc.id)) continue;
    const id = canonicalId(doc);
    groups.set(id, [...(groups.get(id) ?? []), doc]);
  }
  const order = (id: string) => {
    const index = INSTRUMENTS.findIndex((d) => d.id === id);
    return index === -1 ? INSTRUMENTS.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([instrumentId, list]) => {
      const results = [...list].sort((a, b) => a.takenAt.localeCompare(b.takenAt));
      const latest = results[results.length - 1];
      const previous = results.length > 1 ? results[results.length - 2] : undefined;
      return { instrumentId, definition: instrumentById(instrumentId), results, latest, previous, comparison: compare(latest, previous) };
    });
}

/** A change with its sign: "+5", "−5" (a real minus), "0". */
export function signedChange(change: number): string {
  if (change > 0) return `+${change}`;
  if (change < 0) return `−${Math.abs(change)}`;
  return '0';
}

/** The calendar date (`YYYY-MM-DD`, Italian time) of a result. */
export function resultDate(doc: Pick<AssessmentDoc, 'takenAt'>): string {
  return localDate(new Date(doc.takenAt));
}

/** The label of a stored band code under its convention; `undefined` when there is none or it is unknown. */
export function bandLabel(definition: InstrumentDefinition | undefined, conventionId: string, code: string): InstrumentText | undefined {
  if (!definition || !code) return undefined;
  const convention = definition.conventions.find((c) => c.id === conventionId);
  if (!convention) return undefined;
  const bands = convention.kind === 'grade' ? convention.grades : convention.bands;
  return bands.find((b) => b.code === code)?.label;
}
