import { text } from './definition-helpers';
import { SvamaProfileError } from './instrument-errors';
import type { InstrumentScoreLike, InstrumentText } from './instrument-types';
import { instrumentById } from './registry';

/**
 * The nurse's part of SVAMA (Regione Veneto, DGR 2961/2012 Allegato B):
 * SPMSQ → VCOG, Barthel ADL → VADL, Barthel mobility → VMOB, Exton-Smith →
 * VPIA, and the autonomy profile read from three axes.
 *
 * On the SVAMA form a higher sub-score is worse, so scales where higher is
 * better are turned round item by item: the sub-score is `invertFrom − value`
 * (VADL = 60 − Barthel ADL points, VMOB = 40 − Barthel mobility points, where
 * "Barthel mobility" is transfers + mobility/ambulation or wheelchair + stairs,
 * see `barthel.ts`).
 *
 * ⚠ The class cut-offs and the 17-profile matrix were not found in a public
 * primary source, so the derivation is data: a configuration of sources,
 * cut-offs and a profile matrix. `DEFAULT_SVAMA_CONFIG` is a configurable
 * placeholder, not the regional table.
 */

/** The SVAMA sub-scores this module derives. */
export type SvamaSubscoreId = 'vcog' | 'vadl' | 'vmob' | 'vpia';
/** Cognition axis. */
export type SvamaCognition = 'lucid' | 'confused' | 'very-confused';
/** Mobility axis. */
export type SvamaMobility = 'moves-alone' | 'assisted' | 'does-not-move';
/** Function (ADL) axis. */
export type SvamaFunction = 'autonomous' | 'dependent' | 'totally-dependent';

/** Where a sub-score comes from: the first input of one of `instrumentIds`, and which number of it. */
export interface SvamaSubscoreSource {
  label: InstrumentText;
  instrumentIds: readonly string[];
  /** The total, a sub-score (Barthel `adl`/`mobility`) or a numeric `extra` value (SPMSQ `adjustedErrors`). */
  take: 'total' | { subscore: string } | { extra: string };
  /** Turn a higher-is-better number round: sub-score = `invertFrom − value`. */
  invertFrom?: number;
}

/** One class of an axis, bounds of the sub-score included. */
export interface SvamaAxisClass<L extends string> {
  min: number;
  max: number;
  level: L;
  label: InstrumentText;
}

/** An axis: the sub-score it reads and its classes. */
export interface SvamaAxis<L extends string> {
  subscore: SvamaSubscoreId;
  classes: readonly SvamaAxisClass<L>[];
}

/** One autonomy profile. */
export interface SvamaProfileEntry {
  code: string;
  label: InstrumentText;
}

/** Everything the derivation reads; a region replaces it with its own table. */
export interface SvamaConfig {
  /** Stored with the result, like a band convention. */
  id: string;
  /** ⚠ Not from a primary source. */
  unconfirmed?: boolean;
  subscores: Readonly<Partial<Record<SvamaSubscoreId, SvamaSubscoreSource>>>;
  axes: {
    cognition: SvamaAxis<SvamaCognition>;
    mobility: SvamaAxis<SvamaMobility>;
    function: SvamaAxis<SvamaFunction>;
  };
  /** Profile of each combination, keyed by `svamaProfileKey`. */
  profiles: Readonly<Record<string, SvamaProfileEntry>>;
}

/** The three axis levels of a patient. */
export interface SvamaAxes {
  cognition: SvamaCognition;
  mobility: SvamaMobility;
  function: SvamaFunction;
}

/** A derived SVAMA nurse's part. */
export interface SvamaProfile {
  configId: string;
  subscores: Partial<Record<SvamaSubscoreId, number>>;
  axes: SvamaAxes;
  profile: SvamaProfileEntry;
}

/** The key of a combination in `SvamaConfig.profiles`: `cognition|mobility|function`. */
export function svamaProfileKey(axes: SvamaAxes): string {
  return `${axes.cognition}|${axes.mobility}|${axes.function}`;
}

const COGNITION_CLASSES: readonly SvamaAxisClass<SvamaCognition>[] = [
  { min: 0, max: 4, level: 'lucid', label: text('Lucido', 'Lucid') },
  { min: 5, max: 7, level: 'confused', label: text('Confuso', 'Confused') },
  { min: 8, max: 10, level: 'very-confused', label: text('Molto confuso o stuporoso', 'Very confused or stuporous') },
];
const MOBILITY_CLASSES: readonly SvamaAxisClass<SvamaMobility>[] = [
  { min: 0, max: 14, level: 'moves-alone', label: text('Si sposta da solo', 'Moves alone') },
  { min: 15, max: 29, level: 'assisted', label: text('Si sposta assistito', 'Moves with assistance') },
  { min: 30, max: 40, level: 'does-not-move', label: text('Non si sposta', 'Does not move') },
];
const FUNCTION_CLASSES: readonly SvamaAxisClass<SvamaFunction>[] = [
  { min: 0, max: 14, level: 'autonomous', label: text('Autonomo', 'Autonomous') },
  { min: 15, max: 49, level: 'dependent', label: text('Dipendente', 'Dependent') },
  { min: 50, max: 60, level: 'totally-dependent', label: text('Totalmente dipendente', 'Totally dependent') },
];

/** One profile per combination of the three axes (27), labelled by the combination: a placeholder for the regional matrix. */
function combinationProfiles(): Record<string, SvamaProfileEntry> {
  const profiles: Record<string, SvamaProfileEntry> = {};
  for (const c of COGNITION_CLASSES) {
    for (const m of MOBILITY_CLASSES) {
      for (const f of FUNCTION_CLASSES) {
        const code = svamaProfileKey({ cognition: c.level, mobility: m.level, function: f.level });
        profiles[code] = {
          code,
          label: text(
            `${c.label.it}, ${m.label.it.toLowerCase()}, ${f.label.it.toLowerCase()}`,
            `${c.label.en}, ${m.label.en.toLowerCase()}, ${f.label.en.toLowerCase()}`,
          ),
        };
      }
    }
  }
  return profiles;
}

/**
 * ⚠ Configurable, not from a primary source: the sources follow the reference
 * (SPMSQ errors, Barthel ADL/mobility turned round, Exton-Smith turned round
 * item by item: 25 − total); the cut-offs are placeholders (VCOG 0–4/5–7/8–10
 * after Pfeiffer's bands, VMOB 0–14/15–29/30–40, VADL 0–14/15–49/50–60), and
 * the matrix names each of the 27 combinations instead of the 17 regional profiles.
 */
export const DEFAULT_SVAMA_CONFIG: SvamaConfig = {
  id: 'svama-placeholder',
  unconfirmed: true,
  subscores: {
    vcog: { label: text('VCOG – cognitivo (SPMSQ, errori)', 'VCOG – cognition (SPMSQ errors)'), instrumentIds: ['spmsq'], take: 'total' },
    vadl: {
      label: text('VADL – ADL (Barthel)', 'VADL – ADL (Barthel)'),
      instrumentIds: ['barthel', 'barthel-shah'],
      take: { subscore: 'adl' },
      invertFrom: 60,
    },
    vmob: {
      label: text('VMOB – mobilità (Barthel)', 'VMOB – mobility (Barthel)'),
      instrumentIds: ['barthel', 'barthel-shah'],
      take: { subscore: 'mobility' },
      invertFrom: 40,
    },
    vpia: {
      label: text('VPIA – piaghe da decubito (Exton-Smith)', 'VPIA – pressure sores (Exton-Smith)'),
      instrumentIds: ['exton-smith'],
      take: 'total',
      invertFrom: 25,
    },
  },
  axes: {
    cognition: { subscore: 'vcog', classes: COGNITION_CLASSES },
    mobility: { subscore: 'vmob', classes: MOBILITY_CLASSES },
    function: { subscore: 'vadl', classes: FUNCTION_CLASSES },
  },
  profiles: combinationProfiles(),
};

const canonical = (id: string) => instrumentById(id)?.id ?? id;

function subscoreFrom(id: SvamaSubscoreId, source: SvamaSubscoreSource, inputs: readonly InstrumentScoreLike[]): number | undefined {
  const wanted = new Set(source.instrumentIds.map(canonical));
  const input = inputs.find((score) => wanted.has(canonical(score.instrumentId)));
  if (!input) return undefined;
  if (input.missing && input.missing.length > 0) {
    throw new SvamaProfileError('incomplete-input', id, `${id}: the ${input.instrumentId} score still misses ${input.missing.join(', ')}`);
  }
  const take = source.take;
  const value = take === 'total' ? input.total : 'subscore' in take ? input.subscores?.[take.subscore] : input.extra?.[take.extra];
  if (typeof value !== 'number') {
    throw new SvamaProfileError('missing-value', id, `${id}: the ${input.instrumentId} score has no ${JSON.stringify(take)}`);
  }
  return source.invertFrom === undefined ? value : source.invertFrom - value;
}

/**
 * The SVAMA sub-scores the inputs allow (latest complete scores of SPMSQ,
 * Barthel or Barthel-Shah, Exton-Smith); a sub-score without an input is left out.
 */
export function svamaSubscores(
  inputs: readonly InstrumentScoreLike[],
  config: SvamaConfig = DEFAULT_SVAMA_CONFIG,
): Partial<Record<SvamaSubscoreId, number>> {
  const out: Partial<Record<SvamaSubscoreId, number>> = {};
  for (const [id, source] of Object.entries(config.subscores) as [SvamaSubscoreId, SvamaSubscoreSource | undefined][]) {
    if (!source) continue;
    const value = subscoreFrom(id, source, inputs);
    if (value !== undefined) out[id] = value;
  }
  return out;
}

function classify<L extends string>(name: string, axis: SvamaAxis<L>, subscores: Partial<Record<SvamaSubscoreId, number>>): L {
  const value = subscores[axis.subscore];
  if (value === undefined) {
    throw new SvamaProfileError('missing-input', axis.subscore, `The ${name} axis needs ${axis.subscore}, and no input provides it`);
  }
  const found = axis.classes.find((c) => value >= c.min && value <= c.max);
  if (!found) throw new SvamaProfileError('no-class', name, `${axis.subscore} = ${value} falls in no class of the ${name} axis`);
  return found.level;
}

/**
 * Derive the sub-scores, the three axes and the autonomy profile from scored
 * instruments, reading cut-offs and the matrix from `config`. Throws
 * `SvamaProfileError` when an input is missing or incomplete, a sub-score falls
 * outside its axis, or the matrix lacks the combination.
 */
export function deriveSvamaProfile(inputs: readonly InstrumentScoreLike[], config: SvamaConfig = DEFAULT_SVAMA_CONFIG): SvamaProfile {
  const subscores = svamaSubscores(inputs, config);
  const axes: SvamaAxes = {
    cognition: classify('cognition', config.axes.cognition, subscores),
    mobility: classify('mobility', config.axes.mobility, subscores),
    function: classify('function', config.axes.function, subscores),
  };
  const key = svamaProfileKey(axes);
  const profile = config.profiles[key];
  if (!profile) throw new SvamaProfileError('no-profile', key, `The SVAMA profile matrix "${config.id}" has no entry for ${key}`);
  return { configId: config.id, subscores, axes, profile };
}

/**
 * What is wrong with a configuration (empty when usable): overlapping classes,
 * axes reading an unconfigured sub-score, combinations missing from the matrix.
 * For an administrator loading a regional table.
 */
export function svamaConfigProblems(config: SvamaConfig): string[] {
  const problems: string[] = [];
  const axes = [
    ['cognition', config.axes.cognition],
    ['mobility', config.axes.mobility],
    ['function', config.axes.function],
  ] as const;
  for (const [name, axis] of axes) {
    if (!config.subscores[axis.subscore]) problems.push(`The ${name} axis reads ${axis.subscore}, which has no source`);
    const sorted = [...axis.classes].sort((a, b) => a.min - b.min);
    sorted.forEach((c, i) => {
      if (c.min > c.max) problems.push(`The ${name} class ${c.level} has min > max`);
      if (i > 0 && c.min <= sorted[i - 1].max) problems.push(`The ${name} classes ${sorted[i - 1].level} and ${c.level} overlap`);
    });
  }
  for (const c of config.axes.cognition.classes) {
    for (const m of config.axes.mobility.classes) {
      for (const f of config.axes.function.classes) {
        const key = svamaProfileKey({ cognition: c.level, mobility: m.level, function: f.level });
        if (!config.profiles[key]) problems.push(`No profile for ${key}`);
      }
    }
  }
  return problems;
}
