import { band, pointOptions, text } from './definition-helpers';
import type { InstrumentDefinition, InstrumentItem } from './instrument-types';

/** Pressure-ulcer risk: Norton, Exton-Smith (the same five items, SVAMA's VPIA) and Braden (licensed). */

/** Norton's five items, 4 (best) to 1; Exton-Smith uses the same items and anchors. */
const NORTON_ITEMS: readonly InstrumentItem[] = [
  {
    id: 'physical-condition',
    label: text('Condizioni fisiche generali', 'Physical condition'),
    options: pointOptions([
      [4, 'Buone', 'Good'],
      [3, 'Discrete', 'Fair'],
      [2, 'Scadenti', 'Poor'],
      [1, 'Pessime', 'Very bad'],
    ]),
  },
  {
    id: 'mental-state',
    label: text('Stato mentale', 'Mental state'),
    options: pointOptions([
      [4, 'Lucido', 'Alert'],
      [3, 'Apatico', 'Apathetic'],
      [2, 'Confuso', 'Confused'],
      [1, 'Stuporoso', 'Stuporous'],
    ]),
  },
  {
    id: 'activity',
    label: text('Attività (deambulazione)', 'Activity'),
    options: pointOptions([
      [4, 'Cammina da solo', 'Ambulant'],
      [3, 'Cammina con aiuto', 'Walks with help'],
      [2, 'Costretto in sedia', 'Chairbound'],
      [1, 'Costretto a letto', 'Bedfast'],
    ]),
  },
  {
    id: 'mobility',
    label: text('Mobilità', 'Mobility'),
    options: pointOptions([
      [4, 'Piena', 'Full'],
      [3, 'Moderatamente limitata', 'Slightly limited'],
      [2, 'Molto limitata', 'Very limited'],
      [1, 'Immobile', 'Immobile'],
    ]),
  },
  {
    id: 'incontinence',
    label: text('Incontinenza', 'Incontinence'),
    options: pointOptions([
      [4, 'Assente', 'None'],
      [3, 'Occasionale', 'Occasional'],
      [2, 'Abitualmente urinaria', 'Usually urinary'],
      [1, 'Doppia (urinaria e fecale)', 'Doubly incontinent'],
    ]),
  },
];

/** Norton scale (Norton, McLaren & Exton-Smith 1962). */
export const NORTON: InstrumentDefinition = {
  id: 'norton',
  title: text('Scala di Norton', 'Norton scale'),
  reference:
    'Norton D, McLaren R, Exton-Smith AN. An investigation of geriatric nursing problems in hospital. London: National Corporation for the Care of Old People; 1962.',
  licensed: false,
  enabledByDefault: true,
  direction: 'higher-is-better',
  scoring: 'sum',
  items: NORTON_ITEMS,
  conventions: [
    {
      kind: 'ranges',
      id: 'norton-14-12',
      label: text('≤14 a rischio, ≤12 rischio elevato', '≤14 at risk, ≤12 high risk'),
      bands: [
        band(5, 12, 'high', 'Rischio elevato', 'High risk'),
        band(13, 14, 'at-risk', 'A rischio', 'At risk'),
        band(15, 20, 'not-at-risk', 'Non a rischio', 'Not at risk'),
      ],
    },
    {
      kind: 'ranges',
      id: 'norton-3-tier',
      label: text('16–20 / 13–15 / 5–12', '16–20 / 13–15 / 5–12'),
      bands: [
        band(5, 12, 'high', 'Rischio elevato', 'High risk'),
        band(13, 15, 'medium', 'Rischio medio', 'Medium risk'),
        band(16, 20, 'low', 'Rischio basso', 'Low risk'),
      ],
    },
  ],
  defaultConvention: 'norton-14-12',
};

/** Exton-Smith scale: Norton's items, banded as with SVAMA (VPIA). */
export const EXTON_SMITH: InstrumentDefinition = {
  id: 'exton-smith',
  title: text('Scala di Exton-Smith', 'Exton-Smith scale'),
  reference:
    'Norton D, McLaren R, Exton-Smith AN. An investigation of geriatric nursing problems in hospital (1962); as used in SVAMA, Regione Veneto DGR 2961/2012 Allegato B.',
  licensed: false,
  enabledByDefault: true,
  direction: 'higher-is-better',
  scoring: 'sum',
  items: NORTON_ITEMS,
  conventions: [
    {
      kind: 'ranges',
      id: 'svama-vpia',
      label: text('Come in SVAMA: 16–20 / 10–15 / 5–9 ⚠', 'As used with SVAMA: 16–20 / 10–15 / 5–9 ⚠'),
      unconfirmed: true,
      bands: [
        band(5, 9, 'high', 'Rischio elevato', 'High risk'),
        band(10, 15, 'moderate', 'Rischio moderato', 'Moderate risk'),
        band(16, 20, 'minimal', 'Rischio minimo', 'Minimal risk'),
      ],
    },
  ],
  defaultConvention: 'svama-vpia',
};

/** Braden scale (Bergstrom et al. 1987): needs the rights holders' permission, shipped disabled. */
export const BRADEN: InstrumentDefinition = {
  id: 'braden',
  title: text('Scala di Braden', 'Braden scale'),
  reference: 'Bergstrom N, Braden BJ, Laguzza A, Holman V. The Braden Scale for predicting pressure sore risk. Nurs Res 1987;36(4):205–210.',
  licensed: true,
  licence: '© Barbara Braden and Nancy Bergstrom: permission needed for use in software.',
  enabledByDefault: false,
  direction: 'higher-is-better',
  scoring: 'sum',
  items: [
    {
      id: 'sensory-perception',
      label: text('Percezione sensoriale', 'Sensory perception'),
      options: pointOptions([
        [1, 'Completamente limitata', 'Completely limited'],
        [2, 'Molto limitata', 'Very limited'],
        [3, 'Leggermente limitata', 'Slightly limited'],
        [4, 'Non limitata', 'No impairment'],
      ]),
    },
    {
      id: 'moisture',
      label: text('Umidità', 'Moisture'),
      options: pointOptions([
        [1, 'Costantemente umida', 'Constantly moist'],
        [2, 'Spesso umida', 'Very moist'],
        [3, 'Occasionalmente umida', 'Occasionally moist'],
        [4, 'Raramente umida', 'Rarely moist'],
      ]),
    },
    {
      id: 'activity',
      label: text('Attività', 'Activity'),
      options: pointOptions([
        [1, 'Allettato', 'Bedfast'],
        [2, 'In poltrona', 'Chairfast'],
        [3, 'Cammina occasionalmente', 'Walks occasionally'],
        [4, 'Cammina frequentemente', 'Walks frequently'],
      ]),
    },
    {
      id: 'mobility',
      label: text('Mobilità', 'Mobility'),
      options: pointOptions([
        [1, 'Completamente immobile', 'Completely immobile'],
        [2, 'Molto limitata', 'Very limited'],
        [3, 'Parzialmente limitata', 'Slightly limited'],
        [4, 'Nessuna limitazione', 'No limitation'],
      ]),
    },
    {
      id: 'nutrition',
      label: text('Nutrizione', 'Nutrition'),
      options: pointOptions([
        [1, 'Molto povera', 'Very poor'],
        [2, 'Probabilmente inadeguata', 'Probably inadequate'],
        [3, 'Adeguata', 'Adequate'],
        [4, 'Eccellente', 'Excellent'],
      ]),
    },
    {
      id: 'friction-shear',
      label: text('Frizione e scivolamento', 'Friction and shear'),
      options: pointOptions([
        [1, 'Problema', 'Problem'],
        [2, 'Problema potenziale', 'Potential problem'],
        [3, 'Nessun problema apparente', 'No apparent problem'],
      ]),
    },
  ],
  conventions: [
    {
      kind: 'ranges',
      id: 'braden-5-tier',
      label: text('≤9 / 10–12 / 13–14 / 15–18 / ≥19', '≤9 / 10–12 / 13–14 / 15–18 / ≥19'),
      bands: [
        band(6, 9, 'severe', 'Rischio gravissimo', 'Severe risk'),
        band(10, 12, 'high', 'Rischio elevato', 'High risk'),
        band(13, 14, 'moderate', 'Rischio moderato', 'Moderate risk'),
        band(15, 18, 'mild', 'Rischio lieve', 'Mild risk'),
        band(19, 23, 'not-at-risk', 'Non a rischio', 'Not at risk'),
      ],
    },
    {
      kind: 'ranges',
      id: 'braden-1987',
      label: text('Originale: ≤16 a rischio', 'Original: ≤16 at risk'),
      bands: [band(6, 16, 'at-risk', 'A rischio', 'At risk'), band(17, 23, 'not-at-risk', 'Non a rischio', 'Not at risk')],
    },
    {
      kind: 'ranges',
      id: 'braden-it-3-tier',
      label: text('Italiana: >17 / 13–17 / ≤12', 'Italian: >17 / 13–17 / ≤12'),
      bands: [
        band(6, 12, 'high', 'Rischio alto', 'High risk'),
        band(13, 17, 'medium', 'Rischio medio', 'Medium risk'),
        band(18, 23, 'none', 'Nessun rischio', 'No risk'),
      ],
    },
  ],
  defaultConvention: 'braden-5-tier',
};
