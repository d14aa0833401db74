import { band, pointOptions, text } from './definition-helpers';
import type { InstrumentBand, InstrumentConvention, InstrumentDefinition, InstrumentItem } from './instrument-types';

/**
 * Barthel Index (original 0–100) and the modified Barthel of Shah, Vanclay and
 * Cooper. Both split into two sub-scores, which the SVAMA form reads:
 * - `adl` (max 60): feeding, bathing, grooming/hygiene, dressing, bowels, bladder, toilet;
 * - `mobility` (max 40): transfers, mobility on level ground/ambulation (or the
 *   wheelchair item), stairs.
 * That split is the one of the original scoring (60 + 40 = 100).
 */

/** Shah 1989 bands, shared by both forms. */
const SHAH_BANDS: readonly InstrumentBand[] = [
  band(0, 20, 'total', 'Dipendenza totale', 'Total dependency'),
  band(21, 60, 'severe', 'Dipendenza grave', 'Severe dependency'),
  band(61, 90, 'moderate', 'Dipendenza moderata', 'Moderate dependency'),
  band(91, 99, 'slight', 'Dipendenza lieve', 'Slight dependency'),
  band(100, 100, 'independent', 'Indipendente', 'Independent'),
];

const SHAH_CONVENTION: InstrumentConvention = {
  kind: 'ranges',
  id: 'shah-1989',
  label: text('Shah 1989 (0–20 / 21–60 / 61–90 / 91–99 / 100)', 'Shah 1989 (0–20 / 21–60 / 61–90 / 91–99 / 100)'),
  bands: SHAH_BANDS,
};

const BARTHEL_LICENCE = '© Maryland State Medical Society: free for non-commercial use with citation.';

// Item ids and order follow the reference sheet and the documents already stored (demo seed).
const BARTHEL_ITEMS: readonly InstrumentItem[] = [
  {
    id: 'feeding',
    label: text('Alimentazione', 'Feeding'),
    subscale: 'adl',
    options: pointOptions([
      [0, 'Dipendente', 'Unable'],
      [5, 'Necessita di aiuto (es. tagliare il cibo)', 'Needs help (e.g. cutting food)'],
      [10, 'Indipendente', 'Independent'],
    ]),
  },
  {
    id: 'bathing',
    label: text('Fare il bagno o la doccia', 'Bathing'),
    subscale: 'adl',
    options: pointOptions([
      [0, 'Dipendente', 'Dependent'],
      [5, 'Indipendente', 'Independent'],
    ]),
  },
  {
    id: 'grooming',
    label: text('Igiene personale (viso, capelli, denti, rasatura)', 'Grooming (face, hair, teeth, shaving)'),
    subscale: 'adl',
    options: pointOptions([
      [0, 'Necessita di aiuto', 'Needs help'],
      [5, 'Indipendente', 'Independent'],
    ]),
  },
  {
    id: 'dressing',
    label: text('Vestirsi', 'Dressing'),
    subscale: 'adl',
    options: pointOptions([
      [0, 'Dipendente', 'Dependent'],
      [5, 'Necessita di aiuto, fa circa metà da solo', 'Needs help, does about half unaided'],
      [10, 'Indipendente (bottoni, cerniere, lacci)', 'Independent (buttons, zips, laces)'],
    ]),
  },
  {
    id: 'bowels',
    label: text('Controllo intestinale', 'Bowels'),
    subscale: 'adl',
    options: pointOptions([
      [0, 'Incontinente (o necessita di clisteri)', 'Incontinent (or needs enemas)'],
      [5, 'Incidenti occasionali', 'Occasional accident'],
      [10, 'Continente', 'Continent'],
    ]),
  },
  {
    id: 'bladder',
    label: text('Controllo vescicale', 'Bladder'),
    subscale: 'adl',
    options: pointOptions([
      [0, 'Incontinente o catetere non gestito da solo', 'Incontinent, or catheterised and unable to manage'],
      [5, 'Incidenti occasionali', 'Occasional accident'],
      [10, 'Continente', 'Continent'],
    ]),
  },
  {
    id: 'toilet',
    label: text('Uso del WC', 'Toilet use'),
    subscale: 'adl',
    options: pointOptions([
      [0, 'Dipendente', 'Dependent'],
      [5, 'Necessita di qualche aiuto', 'Needs some help'],
      [10, 'Indipendente', 'Independent'],
    ]),
  },
  {
    id: 'transfers',
    label: text('Trasferimento letto-sedia', 'Transfers (bed to chair and back)'),
    subscale: 'mobility',
    options: pointOptions([
      [0, 'Incapace, nessun equilibrio da seduto', 'Unable, no sitting balance'],
      [5, 'Grande aiuto (una o due persone), sta seduto', 'Major help (one or two people), can sit'],
      [10, 'Piccolo aiuto (verbale o fisico)', 'Minor help (verbal or physical)'],
      [15, 'Indipendente', 'Independent'],
    ]),
  },
  {
    id: 'mobility',
    label: text('Deambulazione in piano', 'Mobility on level surfaces'),
    subscale: 'mobility',
    options: pointOptions([
      [0, 'Immobile o meno di 50 m', 'Immobile or under 50 m'],
      [5, 'Indipendente in carrozzina, anche negli angoli, oltre 50 m', 'Wheelchair independent, including corners, over 50 m'],
      [10, "Cammina con l'aiuto di una persona, oltre 50 m", 'Walks with help of one person, over 50 m'],
      [15, 'Indipendente (anche con ausili), oltre 50 m', 'Independent (may use an aid), over 50 m'],
    ]),
  },
  {
    id: 'stairs',
    label: text('Scale', 'Stairs'),
    subscale: 'mobility',
    options: pointOptions([
      [0, 'Incapace', 'Unable'],
      [5, 'Necessita di aiuto (verbale, fisico, ausilio)', 'Needs help (verbal, physical, carrying aid)'],
      [10, 'Indipendente', 'Independent'],
    ]),
  },
];

/** Barthel Index, original 0–100 (Mahoney & Barthel 1965). */
export const BARTHEL: InstrumentDefinition = {
  id: 'barthel',
  title: text('Indice di Barthel', 'Barthel Index'),
  reference: 'Mahoney FI, Barthel DW. Functional evaluation: the Barthel Index. Md State Med J 1965;14:61–65.',
  licensed: false,
  licence: BARTHEL_LICENCE,
  enabledByDefault: true,
  direction: 'higher-is-better',
  scoring: 'sum',
  items: BARTHEL_ITEMS,
  conventions: [SHAH_CONVENTION],
  defaultConvention: 'shah-1989',
};

/** The five levels of the modified Barthel, with the points of one item. */
function shahLevels(points: readonly [number, number, number, number, number]) {
  return pointOptions([
    [points[0], 'Incapace di svolgere il compito', 'Unable to perform the task'],
    [points[1], 'Tenta ma in modo non sicuro', 'Attempts but unsafe'],
    [points[2], 'Aiuto moderato', 'Moderate help'],
    [points[3], 'Aiuto minimo', 'Minimal help'],
    [points[4], 'Indipendente', 'Fully independent'],
  ]);
}

const FIVE: readonly [number, number, number, number, number] = [0, 1, 3, 4, 5];
const TEN: readonly [number, number, number, number, number] = [0, 2, 5, 8, 10];
const FIFTEEN: readonly [number, number, number, number, number] = [0, 3, 8, 12, 15];

/** Modified Barthel Index (Shah, Vanclay & Cooper 1989); a wheelchair user reaches at most 90. */
export const BARTHEL_SHAH: InstrumentDefinition = {
  id: 'barthel-shah',
  title: text('Indice di Barthel modificato (Shah)', 'Modified Barthel Index (Shah)'),
  reference: 'Shah S, Vanclay F, Cooper B. Improving the sensitivity of the Barthel Index for stroke rehabilitation. J Clin Epidemiol 1989;42(8):703–709.',
  licensed: false,
  licence: BARTHEL_LICENCE,
  enabledByDefault: true,
  direction: 'higher-is-better',
  scoring: 'sum',
  items: [
    { id: 'hygiene', label: text('Igiene personale', 'Personal hygiene'), subscale: 'adl', options: shahLevels(FIVE) },
    { id: 'bathing', label: text('Fare il bagno o la doccia', 'Bathing self'), subscale: 'adl', options: shahLevels(FIVE) },
    { id: 'feeding', label: text('Alimentazione', 'Feeding'), subscale: 'adl', options: shahLevels(TEN) },
    { id: 'toilet', label: text('Uso del WC', 'Toilet'), subscale: 'adl', options: shahLevels(TEN) },
    { id: 'stairs', label: text('Salire e scendere le scale', 'Stair climbing'), subscale: 'mobility', options: shahLevels(TEN) },
    { id: 'dressing', label: text('Vestirsi', 'Dressing'), subscale: 'adl', options: shahLevels(TEN) },
    { id: 'bowels', label: text('Controllo intestinale', 'Bowel control'), subscale: 'adl', options: shahLevels(TEN) },
    { id: 'bladder', label: text('Controllo vescicale', 'Bladder control'), subscale: 'adl', options: shahLevels(TEN) },
    { id: 'ambulation', label: text('Deambulazione', 'Ambulation'), subscale: 'mobility', options: shahLevels(FIFTEEN) },
    {
      id: 'wheelchair',
      label: text('Uso della carrozzina (solo se non deambula)', 'Wheelchair (only if unable to walk)'),
      subscale: 'mobility',
      // Scored only when ambulation is "unable" (0).
      condition: { itemId: 'ambulation', anyOf: ['0'] },
      options: shahLevels(FIVE),
    },
    { id: 'transfers', label: text('Trasferimento letto-sedia', 'Chair/bed transfers'), subscale: 'mobility', options: shahLevels(FIFTEEN) },
  ],
  conventions: [SHAH_CONVENTION],
  defaultConvention: 'shah-1989',
};
