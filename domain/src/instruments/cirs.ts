import { pointOptions, text } from './definition-helpers';
import type { InstrumentDefinition, InstrumentItem } from './instrument-types';

/**
 * Cumulative Illness Rating Scale, Italian geriatric version: 14 categories
 * rated 1 (absent) to 5. The 13 somatic categories carry `subscale: 'somatic'`;
 * the `cirs` rule computes over them the severity index (their mean) and the
 * comorbidity index (how many score ≥3) ⚠ standard Italian convention. The
 * psychiatric-behavioural category is in the total but in neither index.
 */

const SEVERITY = pointOptions([
  [1, 'Assente', 'None'],
  [2, 'Lieve: non interferisce con le normali attività', 'Mild: does not interfere with normal activity'],
  [3, 'Moderato: interferisce con le normali attività, richiede trattamento', 'Moderate: interferes with normal activity, needs treatment'],
  [4, 'Grave: produce disabilità, trattamento indilazionabile', 'Severe: disabling, treatment urgently needed'],
  [5, 'Molto grave: mette a rischio la sopravvivenza', 'Extremely severe: life-threatening'],
]);

function somatic(id: string, it: string, en: string): InstrumentItem {
  return { id, label: text(it, en), subscale: 'somatic', options: SEVERITY };
}

/** The item the indices leave out. */
export const CIRS_PSYCHIATRIC_ITEM = 'psychiatric';

/** CIRS, Italian geriatric version. */
export const CIRS: InstrumentDefinition = {
  id: 'cirs',
  title: text('Cumulative Illness Rating Scale (CIRS)', 'Cumulative Illness Rating Scale (CIRS)'),
  reference:
    'Linn BS, Linn MW, Gurel L. Cumulative illness rating scale. J Am Geriatr Soc 1968;16(5):622–626; geriatric version: Parmelee PA et al. J Am Geriatr Soc 1995;43(2):130–137.',
  licensed: false,
  enabledByDefault: true,
  direction: 'higher-is-worse',
  scoring: 'cirs',
  items: [
    somatic('cardiac', 'Patologie cardiache (solo cuore)', 'Cardiac (heart only)'),
    somatic('hypertension', 'Ipertensione (severità; gli organi colpiti si valutano a parte)', 'Hypertension (severity; organ damage rated separately)'),
    somatic('vascular', 'Apparato vascolare (sangue, vasi, midollo, milza, linfatici)', 'Vascular (blood, vessels, marrow, spleen, lymphatics)'),
    somatic('respiratory', 'Apparato respiratorio (polmoni, bronchi, trachea sotto la laringe)', 'Respiratory (lungs, bronchi, trachea below the larynx)'),
    somatic('eent', 'Occhi, orecchie, naso, gola, laringe', 'Eyes, ears, nose, throat, larynx'),
    somatic('upper-gi', 'Apparato gastrointestinale superiore (esofago, stomaco, duodeno, vie biliari, pancreas)', 'Upper GI (oesophagus, stomach, duodenum, biliary tree, pancreas)'),
    somatic('lower-gi', 'Apparato gastrointestinale inferiore (intestino, ernie)', 'Lower GI (intestines, hernias)'),
    somatic('liver', 'Fegato (solo fegato)', 'Liver (liver only)'),
    somatic('kidney', 'Rene (solo rene)', 'Renal (kidney only)'),
    somatic('genitourinary', 'Altre patologie genito-urinarie (ureteri, vescica, uretra, prostata, genitali)', 'Other genitourinary (ureters, bladder, urethra, prostate, genitals)'),
    somatic('musculoskeletal-skin', 'Apparato muscolo-scheletrico e cute', 'Musculoskeletal and skin'),
    somatic('neurological', 'Sistema nervoso centrale e periferico (esclusa la demenza)', 'Central and peripheral nervous system (dementia excluded)'),
    somatic('endocrine-metabolic', 'Sistema endocrino-metabolico (diabete, infezioni, intossicazioni)', 'Endocrine-metabolic (diabetes, infections, poisonings)'),
    {
      id: CIRS_PSYCHIATRIC_ITEM,
      label: text('Patologie psichiatrico-comportamentali (demenza, depressione, ansia, agitazione, psicosi)', 'Psychiatric-behavioural (dementia, depression, anxiety, agitation, psychosis)'),
      options: SEVERITY,
    },
  ],
  conventions: [{ kind: 'ranges', id: 'unbanded', label: text('Nessuna fascia: si leggono gli indici', 'No bands: read the indices'), bands: [] }],
  defaultConvention: 'unbanded',
};
