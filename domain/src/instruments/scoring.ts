import { InstrumentAnswerError, InstrumentConfigError } from './instrument-errors';
import type {
  CustomBandSet,
  InstrumentAnswers,
  InstrumentBand,
  InstrumentConvention,
  InstrumentDefinition,
  InstrumentItem,
  InstrumentOption,
  InstrumentScore,
  InstrumentScoreLike,
  ScoreInstrumentOptions,
} from './instrument-types';
import { instrumentById } from './registry';
import { SCORING_RULES } from './scoring-rules';

/**
 * The one scoring engine: every instrument is scored from its definition.
 * `scoreInstrument` is for the saved result and refuses anything incomplete;
 * `runningScore` is for the live score while the nurse fills the form.
 */

type Mode = 'final' | 'running';

/** The definition of an id (or alias), or the definition itself; unknown ids throw. */
export function resolveInstrument(idOrDefinition: string | InstrumentDefinition): InstrumentDefinition {
  if (typeof idOrDefinition !== 'string') return idOrDefinition;
  const definition = instrumentById(idOrDefinition);
  if (!definition) {
    throw new InstrumentAnswerError('unknown-instrument', idOrDefinition, `Unknown assessment instrument "${idOrDefinition}"`);
  }
  return definition;
}

/** The option each answered item chose, in form order; unknown items and values throw. */
function chosenOptions(definition: InstrumentDefinition, answers: InstrumentAnswers): Map<string, InstrumentOption> {
  const itemsById = new Map(definition.items.map((item) => [item.id, item]));
  const byId = new Map<string, InstrumentOption>();
  for (const [itemId, raw] of Object.entries(answers)) {
    if (raw === null || raw === undefined || raw === '') continue;
    const item = itemsById.get(itemId);
    if (!item) {
      throw new InstrumentAnswerError('unknown-item', definition.id, `${definition.title.en}: unknown item "${itemId}"`, itemId);
    }
    // Numbers are accepted for point-valued options: stored documents may hold 10 for "10".
    const value = String(raw);
    const option = item.options.find((o) => o.value === value);
    if (!option) {
      const allowed = item.options.map((o) => o.value).join(', ');
      throw new InstrumentAnswerError(
        'unknown-option',
        definition.id,
        `${definition.title.en}: "${value}" is not an answer of item "${itemId}" (expected one of ${allowed})`,
        itemId,
      );
    }
    byId.set(itemId, option);
  }
  // Re-key in form order so everything derived from it follows the form.
  const ordered = new Map<string, InstrumentOption>();
  for (const item of definition.items) {
    const option = byId.get(item.id);
    if (option) ordered.set(item.id, option);
  }
  return ordered;
}

function applies(item: InstrumentItem, chosen: ReadonlyMap<string, InstrumentOption>): boolean {
  if (!item.condition) return true;
  const answer = chosen.get(item.condition.itemId);
  return answer !== undefined && item.condition.anyOf.includes(answer.value);
}

/**
 * Check a band set: finite bounds, `min ≤ max`, codes present, no overlaps.
 * Throws `InstrumentConfigError` (`invalid-bands`).
 */
export function validateBandSet(instrumentId: string, bands: readonly InstrumentBand[]): void {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  sorted.forEach((b, i) => {
    if (!Number.isFinite(b.min) || !Number.isFinite(b.max) || b.min > b.max || !b.code) {
      throw new InstrumentConfigError('invalid-bands', instrumentId, `Band "${b.code}" of ${instrumentId} needs a code and finite bounds with min ≤ max`);
    }
    if (i > 0 && b.min <= sorted[i - 1].max) {
      throw new InstrumentConfigError('invalid-bands', instrumentId, `Bands "${sorted[i - 1].code}" and "${b.code}" of ${instrumentId} overlap`);
    }
  });
}

function resolveConvention(definition: InstrumentDefinition, requested: string | CustomBandSet | undefined): InstrumentConvention {
  if (requested !== undefined && typeof requested !== 'string') {
    validateBandSet(definition.id, requested.bands);
    const label = { it: requested.id, en: requested.id };
    return { kind: 'ranges', id: requested.id, label, bands: requested.bands, basis: requested.basis };
  }
  const id = requested ?? definition.defaultConvention;
  const convention = definition.conventions.find((c) => c.id === id);
  if (!convention) {
    const known = definition.conventions.map((c) => c.id).join(', ');
    throw new InstrumentConfigError('unknown-convention', definition.id, `${definition.title.en} has no banding convention "${id}" (known: ${known})`);
  }
  return convention;
}

function bandOf(
  definition: InstrumentDefinition,
  convention: InstrumentConvention,
  total: number,
  extra: Readonly<Record<string, string | number>>,
): InstrumentScore['band'] {
  if (convention.kind === 'grade') {
    const grade = convention.grades.find((g) => g.code === extra[convention.basis]);
    if (!grade) throw new InstrumentConfigError('no-band', definition.id, `${convention.id}: no grade "${String(extra[convention.basis])}"`);
    return { code: grade.code, label: grade.label };
  }
  if (convention.bands.length === 0) return null;
  const basis = convention.basis ?? 'total';
  const value = basis === 'total' ? total : extra[basis];
  if (typeof value !== 'number') {
    throw new InstrumentConfigError('no-band', definition.id, `${convention.id}: ${definition.title.en} produces no numeric value "${basis}" to band`);
  }
  const found = convention.bands.find((b) => value >= b.min && value <= b.max);
  if (!found) throw new InstrumentConfigError('no-band', definition.id, `${convention.id}: no band holds ${basis} ${value}`);
  return { code: found.code, label: found.label };
}

function evaluate(
  idOrDefinition: string | InstrumentDefinition,
  answers: InstrumentAnswers,
  options: ScoreInstrumentOptions,
  mode: Mode,
): InstrumentScore {
  const definition = resolveInstrument(idOrDefinition);
  const convention = resolveConvention(definition, options.convention);
  const chosen = chosenOptions(definition, answers);

  const applicable = new Map<string, InstrumentOption>();
  const missing: string[] = [];
  for (const item of definition.items) {
    const option = chosen.get(item.id);
    if (!applies(item, chosen)) {
      if (option && mode === 'final') {
        const cond = item.condition;
        throw new InstrumentAnswerError(
          'not-applicable',
          definition.id,
          `${definition.title.en}: item "${item.id}" applies only when "${cond?.itemId}" is ${cond?.anyOf.join(' or ')}`,
          item.id,
        );
      }
      // While typing, an answer left over from an earlier choice is simply not counted.
      continue;
    }
    if (option) applicable.set(item.id, option);
    else if (item.required !== false) missing.push(item.id);
  }
  if (mode === 'final' && missing.length > 0) {
    throw new InstrumentAnswerError(
      'missing-answer',
      definition.id,
      `${definition.title.en}: missing answer to ${missing.map((id) => `"${id}"`).join(', ')}`,
      missing[0],
      missing,
    );
  }

  let total = 0;
  const subscores: Record<string, number> = {};
  for (const item of definition.items) {
    if (item.subscale !== undefined) subscores[item.subscale] ??= 0;
    const option = applicable.get(item.id);
    if (!option) continue;
    total += option.points;
    if (item.subscale !== undefined) subscores[item.subscale] += option.points;
  }

  const complete = missing.length === 0;
  const extra: Record<string, string | number> = {};
  const form = definition.formItemId === undefined ? undefined : applicable.get(definition.formItemId);
  if (form) extra['form'] = form.value;
  // Grades and indices of a half-filled form would mislead, so rules wait for completeness.
  if (complete) Object.assign(extra, SCORING_RULES[definition.scoring]({ definition, chosen: applicable, total }));

  const result: InstrumentScore = {
    instrumentId: definition.id,
    total,
    band: complete ? bandOf(definition, convention, total, extra) : null,
    convention: convention.id,
    answered: applicable.size,
    missing,
  };
  if (Object.keys(subscores).length > 0) result.subscores = subscores;
  if (Object.keys(extra).length > 0) result.extra = extra;
  return result;
}

/**
 * Score a complete set of answers. Throws `InstrumentAnswerError` for an
 * unknown instrument, item or answer value, an answer to an item that does not
 * apply, or a missing required answer; `InstrumentConfigError` for an unknown
 * convention or an invalid custom band set. Licensing is not checked here:
 * results recorded while an instrument was enabled must stay readable.
 */
export function scoreInstrument(
  idOrDefinition: string | InstrumentDefinition,
  answers: InstrumentAnswers,
  options: ScoreInstrumentOptions = {},
): InstrumentScore {
  return evaluate(idOrDefinition, answers, options, 'final');
}

/**
 * The live score of a form being filled: missing items never throw (they are
 * listed in `missing`), but unknown items and values still do. The band and
 * rule values (Katz grade, CIRS indices…) stay empty until nothing required
 * is missing; answers to items that no longer apply are left out.
 */
export function runningScore(
  idOrDefinition: string | InstrumentDefinition,
  partialAnswers: InstrumentAnswers,
  options: ScoreInstrumentOptions = {},
): InstrumentScore {
  return evaluate(idOrDefinition, partialAnswers, options, 'running');
}

/**
 * The answers as `AssessmentDoc.answers` stores them: applicable answered items
 * in form order, values as the option values. Unknown items and values throw.
 */
export function answersToList(
  idOrDefinition: string | InstrumentDefinition,
  answers: InstrumentAnswers,
): { itemId: string; value: string }[] {
  const definition = resolveInstrument(idOrDefinition);
  const chosen = chosenOptions(definition, answers);
  return definition.items
    .filter((item) => chosen.has(item.id) && applies(item, chosen))
    .map((item) => ({ itemId: item.id, value: (chosen.get(item.id) as InstrumentOption).value }));
}

/** Stored `AssessmentDoc.answers` back into the item → value record the engine reads. */
export function answersFromList(list: readonly { itemId: string; value: string | number }[]): Record<string, string | number> {
  return Object.fromEntries(list.map((a) => [a.itemId, a.value]));
}

/** How a score moved since the previous one of the same instrument. */
export interface InstrumentComparison {
  instrumentId: string;
  /** Current total minus previous total. */
  change: number;
  /** Read through the instrument's direction; `not-comparable` when the two used different forms (Lawton). */
  trend: 'better' | 'worse' | 'unchanged' | 'not-comparable';
}

/**
 * Compare a score with the previous one of the same instrument (ids or
 * aliases). For an instrument with forms, both scores must carry
 * `extra.form` and agree, or the trend is `not-comparable`.
 */
export function compareWithPrevious(current: InstrumentScoreLike, previous: InstrumentScoreLike): InstrumentComparison {
  const definition = resolveInstrument(current.instrumentId);
  if (resolveInstrument(previous.instrumentId).id !== definition.id) {
    throw new InstrumentConfigError(
      'different-instruments',
      definition.id,
      `Cannot compare ${current.instrumentId} with ${previous.instrumentId}: different instruments`,
    );
  }
  const change = current.total - previous.total;
  const base = { instrumentId: definition.id, change };
  if (definition.formItemId !== undefined) {
    const now = current.extra?.['form'];
    const before = previous.extra?.['form'];
    if (now === undefined || now !== before) return { ...base, trend: 'not-comparable' };
  }
  if (change === 0) return { ...base, trend: 'unchanged' };
  const higherIsBetter = definition.direction === 'higher-is-better';
  return { ...base, trend: change > 0 === higherIsBetter ? 'better' : 'worse' };
}
