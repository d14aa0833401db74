import { band, namedOptions, pointOptions, text } from './definition-helpers';
import type { InstrumentDefinition } from './instrument-types';

/** Nutrition screening: MNA-SF (® Nestlé) and MUST (© BAPEN), both licensed and shipped disabled. */

/** Mini Nutritional Assessment, short form. F2 (calf) replaces F1 only when BMI is not available. */
export const MNA_SF: InstrumentDefinition = {
  id: 'mna-sf',
  title: text('Mini Nutritional Assessment, forma breve (MNA-SF)', 'Mini Nutritional Assessment Short-Form (MNA-SF)'),
  reference:
    'Rubenstein LZ, Harker JO, Salvà A, Guigoz Y, Vellas B. Screening for undernutrition in geriatric practice: developing the short-form MNA (MNA-SF). J Gerontol A 2001;56(6):M366–372; Kaiser MJ et al. J Nutr Health Aging 2009;13(9):782–788.',
  licensed: true,
  licence: '® Société des Produits Nestlé: permission needed for use in software.',
  enabledByDefault: false,
  direction: 'higher-is-better',
  scoring: 'sum',
  items: [
    {
      id: 'food-intake',
      label: text('A. Riduzione dell’assunzione di cibo negli ultimi 3 mesi', 'A. Food intake declined over the past 3 months'),
      options: pointOptions([
        [0, 'Grave riduzione', 'Severe decrease'],
        [1, 'Moderata riduzione', 'Moderate decrease'],
        [2, 'Nessuna riduzione', 'No decrease'],
      ]),
    },
    {
      id: 'weight-loss',
      label: text('B. Perdita di peso negli ultimi 3 mesi', 'B. Weight loss during the last 3 months'),
      options: pointOptions([
        [0, 'Più di 3 kg', 'More than 3 kg'],
        [1, 'Non sa', 'Does not know'],
        [2, 'Tra 1 e 3 kg', 'Between 1 and 3 kg'],
        [3, 'Nessuna perdita di peso', 'No weight loss'],
      ]),
    },
    {
      id: 'mobility',
      label: text('C. Motricità', 'C. Mobility'),
      options: pointOptions([
        [0, 'Costretto a letto o in poltrona', 'Bed or chair bound'],
        [1, 'Si alza dal letto o dalla poltrona ma non esce di casa', 'Gets out of bed or chair but does not go out'],
        [2, 'Esce di casa', 'Goes out'],
      ]),
    },
    {
      id: 'acute-stress',
      label: text('D. Stress psicologico o malattia acuta negli ultimi 3 mesi', 'D. Psychological stress or acute disease in the past 3 months'),
      options: pointOptions([
        [0, 'Sì', 'Yes'],
        [2, 'No', 'No'],
      ]),
    },
    {
      id: 'neuropsychological',
      label: text('E. Problemi neuropsicologici', 'E. Neuropsychological problems'),
      options: pointOptions([
        [0, 'Demenza o depressione grave', 'Severe dementia or depression'],
        [1, 'Demenza lieve', 'Mild dementia'],
        [2, 'Nessun problema psicologico', 'No psychological problems'],
      ]),
    },
    {
      id: 'bmi',
      label: text('F1. Indice di massa corporea (kg/m²)', 'F1. Body mass index (kg/m²)'),
      options: namedOptions([
        ['under-19', 0, 'Inferiore a 19', 'Less than 19'],
        ['19-to-21', 1, 'Da 19 a meno di 21', '19 to less than 21'],
        ['21-to-23', 2, 'Da 21 a meno di 23', '21 to less than 23'],
        ['23-or-more', 3, '23 o più', '23 or greater'],
        // Choosing this asks F2 instead; it scores nothing itself.
        ['not-available', 0, 'Non disponibile: rispondere a F2', 'Not available: answer F2'],
      ]),
    },
    {
      id: 'calf',
      label: text('F2. Circonferenza del polpaccio (cm)', 'F2. Calf circumference (cm)'),
      condition: { itemId: 'bmi', anyOf: ['not-available'] },
      options: namedOptions([
        ['under-31', 0, 'Inferiore a 31', 'Less than 31'],
        ['31-or-more', 3, '31 o più', '31 or greater'],
      ]),
    },
  ],
  conventions: [
    {
      kind: 'ranges',
      id: 'mna-sf-2009',
      label: text('12–14 / 8–11 / 0–7', '12–14 / 8–11 / 0–7'),
      bands: [
        band(0, 7, 'malnourished', 'Malnutrito', 'Malnourished'),
        band(8, 11, 'at-risk', 'A rischio di malnutrizione', 'At risk of malnutrition'),
        band(12, 14, 'normal', 'Stato nutrizionale normale', 'Normal nutritional status'),
      ],
    },
  ],
  defaultConvention: 'mna-sf-2009',
};

/** Malnutrition Universal Screening Tool (BAPEN 2003). */
export const MUST: InstrumentDefinition = {
  id: 'must',
  title: text('Malnutrition Universal Screening Tool (MUST)', 'Malnutrition Universal Screening Tool (MUST)'),
  reference: 'Elia M (ed.). The "MUST" report. Malnutrition Advisory Group, BAPEN; 2003.',
  licensed: true,
  licence: '© BAPEN: permission needed for use in software.',
  enabledByDefault: false,
  direction: 'higher-is-worse',
  scoring: 'sum',
  items: [
    {
      id: 'bmi',
      label: text('Indice di massa corporea (kg/m²)', 'Body mass index (kg/m²)'),
      options: pointOptions([
        [0, 'Superiore a 20', 'Over 20'],
        [1, 'Da 18,5 a 20', '18.5 to 20'],
        [2, 'Inferiore a 18,5', 'Under 18.5'],
      ]),
    },
    {
      id: 'weight-loss',
      label: text('Calo di peso non intenzionale negli ultimi 3–6 mesi', 'Unplanned weight loss in the past 3–6 months'),
      options: pointOptions([
        [0, 'Meno del 5%', 'Less than 5%'],
        [1, 'Dal 5 al 10%', '5 to 10%'],
        [2, 'Più del 10%', 'More than 10%'],
      ]),
    },
    {
      id: 'acute-disease',
      label: text('Malattia acuta e nessun apporto nutrizionale per più di 5 giorni', 'Acutely ill and no nutritional intake for more than 5 days'),
      options: pointOptions([
        [0, 'No', 'No'],
        [2, 'Sì', 'Yes'],
      ]),
    },
  ],
  conventions: [
    {
      kind: 'ranges',
      id: 'must-2003',
      label: text('0 basso / 1 medio / ≥2 alto', '0 low / 1 medium / ≥2 high'),
      bands: [
        band(0, 0, 'low', 'Rischio basso', 'Low risk'),
        band(1, 1, 'medium', 'Rischio medio', 'Medium risk'),
        band(2, 6, 'high', 'Rischio alto', 'High risk'),
      ],
    },
  ],
  defaultConvention: 'must-2003',
};
