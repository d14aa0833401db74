import { band, namedOptions, pointOptions, text } from './definition-helpers';
import type { InstrumentDefinition, InstrumentItem, InstrumentOption } from './instrument-types';

/** Fall risk: Tinetti POMA (balance and gait sub-scores) and the Conley scale. */

function balance(id: string, it: string, en: string, options: InstrumentOption[]): InstrumentItem {
  return { id, label: text(it, en), subscale: 'balance', options };
}

function gait(id: string, it: string, en: string, options: InstrumentOption[]): InstrumentItem {
  return { id, label: text(it, en), subscale: 'gait', options };
}

const NO_YES = pointOptions([
  [0, 'No', 'No'],
  [1, 'Sì', 'Yes'],
]);

/** Tinetti Performance-Oriented Mobility Assessment (Tinetti 1986): balance 0–16, gait 0–12. */
export const TINETTI: InstrumentDefinition = {
  id: 'tinetti',
  title: text('Scala di Tinetti (POMA)', 'Tinetti Performance-Oriented Mobility Assessment'),
  reference: 'Tinetti ME. Performance-oriented assessment of mobility problems in elderly patients. J Am Geriatr Soc 1986;34(2):119–126.',
  licensed: false,
  enabledByDefault: true,
  direction: 'higher-is-better',
  scoring: 'sum',
  items: [
    balance('sitting-balance', 'Equilibrio da seduto', 'Sitting balance', pointOptions([
      [0, 'Si inclina o scivola dalla sedia', 'Leans or slides in chair'],
      [1, 'Stabile, sicuro', 'Steady, safe'],
    ])),
    balance('arises', 'Alzarsi dalla sedia', 'Arises', pointOptions([
      [0, 'Incapace senza aiuto', 'Unable without help'],
      [1, 'Capace, ma usa le braccia', 'Able, uses arms to help'],
      [2, 'Capace senza usare le braccia', 'Able without using arms'],
    ])),
    balance('attempts-to-arise', 'Tentativi di alzarsi', 'Attempts to arise', pointOptions([
      [0, 'Incapace senza aiuto', 'Unable without help'],
      [1, 'Capace, ma con più di un tentativo', 'Able, requires more than one attempt'],
      [2, 'Capace al primo tentativo', 'Able to rise with one attempt'],
    ])),
    balance('immediate-standing', 'Equilibrio in piedi, primi 5 secondi', 'Immediate standing balance (first 5 s)', pointOptions([
      [0, 'Instabile (vacilla, muove i piedi, oscilla il tronco)', 'Unsteady (staggers, moves feet, trunk sway)'],
      [1, 'Stabile con deambulatore o altro appoggio', 'Steady but uses walker or other support'],
      [2, 'Stabile senza appoggi', 'Steady without support'],
    ])),
    balance('standing-balance', 'Equilibrio in piedi', 'Standing balance', pointOptions([
      [0, 'Instabile', 'Unsteady'],
      [1, 'Stabile a base larga o con appoggio', 'Steady but wide stance or uses support'],
      [2, 'Stabile a base stretta senza appoggi', 'Narrow stance without support'],
    ])),
    balance('nudged', 'Spinta sullo sterno', 'Nudged', pointOptions([
      [0, 'Comincia a cadere', 'Begins to fall'],
      [1, 'Oscilla, si aggrappa, ma si riprende', 'Staggers, grabs, catches self'],
      [2, 'Stabile', 'Steady'],
    ])),
    balance('eyes-closed', 'Occhi chiusi', 'Eyes closed', pointOptions([
      [0, 'Instabile', 'Unsteady'],
      [1, 'Stabile', 'Steady'],
    ])),
    balance('turning-steps', 'Giro di 360°: passi', 'Turning 360°: steps', pointOptions([
      [0, 'Passi discontinui', 'Discontinuous steps'],
      [1, 'Passi continui', 'Continuous steps'],
    ])),
    balance('turning-steadiness', 'Giro di 360°: stabilità', 'Turning 360°: steadiness', pointOptions([
      [0, 'Instabile (si aggrappa, vacilla)', 'Unsteady (grabs, staggers)'],
      [1, 'Stabile', 'Steady'],
    ])),
    balance('sitting-down', 'Sedersi', 'Sitting down', pointOptions([
      [0, 'Insicuro (sbaglia la distanza, cade sulla sedia)', 'Unsafe (misjudges distance, falls into chair)'],
      [1, 'Usa le braccia o movimento non fluido', 'Uses arms or not a smooth motion'],
      [2, 'Sicuro, movimento fluido', 'Safe, smooth motion'],
    ])),
    gait('gait-initiation', 'Inizio della deambulazione', 'Initiation of gait', pointOptions([
      [0, 'Esitazione o più tentativi', 'Any hesitancy or multiple attempts'],
      [1, 'Nessuna esitazione', 'No hesitancy'],
    ])),
    gait('right-step-passes', 'Passo destro: supera il piede sinistro', 'Right swing foot passes left stance foot', NO_YES),
    gait('right-foot-clears', 'Piede destro: si stacca completamente dal pavimento', 'Right foot completely clears floor', NO_YES),
    gait('left-step-passes', 'Passo sinistro: supera il piede destro', 'Left swing foot passes right stance foot', NO_YES),
    gait('left-foot-clears', 'Piede sinistro: si stacca completamente dal pavimento', 'Left foot completely clears floor', NO_YES),
    gait('step-symmetry', 'Simmetria del passo', 'Step symmetry', pointOptions([
      [0, 'Passi destro e sinistro di lunghezza diversa', 'Right and left step length not equal'],
      [1, 'Passi uguali', 'Right and left step appear equal'],
    ])),
    gait('step-continuity', 'Continuità del passo', 'Step continuity', pointOptions([
      [0, 'Interruzioni o discontinuità tra i passi', 'Stopping or discontinuity between steps'],
      [1, 'Passi continui', 'Steps appear continuous'],
    ])),
    gait('path', 'Traiettoria', 'Path', pointOptions([
      [0, 'Deviazione marcata', 'Marked deviation'],
      [1, 'Deviazione lieve o moderata, o usa un ausilio', 'Mild or moderate deviation, or uses walking aid'],
      [2, 'Diritta senza ausili', 'Straight without walking aid'],
    ])),
    gait('trunk', 'Tronco', 'Trunk', pointOptions([
      [0, 'Marcata oscillazione o usa un ausilio', 'Marked sway or uses walking aid'],
      [1, 'Non oscilla ma flette ginocchia o schiena o allarga le braccia', 'No sway but flexes knees or back or spreads arms'],
      [2, 'Non oscilla, non flette, non usa braccia né ausili', 'No sway, no flexion, no use of arms or aid'],
    ])),
    gait('walking-stance', 'Base del cammino', 'Walking stance', pointOptions([
      [0, 'Talloni separati', 'Heels apart'],
      [1, 'Talloni quasi a contatto durante il cammino', 'Heels almost touching while walking'],
    ])),
  ],
  conventions: [
    {
      kind: 'ranges',
      id: 'poma-18-23',
      label: text('≤18 alto, 19–23 moderato, ≥24 basso', '≤18 high, 19–23 moderate, ≥24 low'),
      bands: [
        band(0, 18, 'high', 'Rischio di caduta elevato', 'High fall risk'),
        band(19, 23, 'moderate', 'Rischio di caduta moderato', 'Moderate fall risk'),
        band(24, 28, 'low', 'Rischio di caduta basso', 'Low fall risk'),
      ],
    },
    {
      kind: 'ranges',
      id: 'poma-18-24',
      label: text('≤18 alto, 19–24 moderato, 25–28 basso', '≤18 high, 19–24 moderate, 25–28 low'),
      bands: [
        band(0, 18, 'high', 'Rischio di caduta elevato', 'High fall risk'),
        band(19, 24, 'moderate', 'Rischio di caduta moderato', 'Moderate fall risk'),
        band(25, 28, 'low', 'Rischio di caduta basso', 'Low fall risk'),
      ],
    },
  ],
  defaultConvention: 'poma-18-23',
};

/** Asked of the patient (or caregiver): "don't know" counts as no. */
function askedItem(id: string, it: string, en: string, yesPoints: number): InstrumentItem {
  return {
    id,
    label: text(it, en),
    options: namedOptions([
      ['yes', yesPoints, 'Sì', 'Yes'],
      ['no', 0, 'No', 'No'],
      ['unknown', 0, 'Non so', "Don't know"],
    ]),
  };
}

/** Observed by the nurse. */
function observedItem(id: string, it: string, en: string, yesPoints: number): InstrumentItem {
  return {
    id,
    label: text(it, en),
    options: namedOptions([
      ['yes', yesPoints, 'Sì', 'Yes'],
      ['no', 0, 'No', 'No'],
    ]),
  };
}

/** Conley scale of fall risk (Conley et al. 1999). */
export const CONLEY: InstrumentDefinition = {
  id: 'conley',
  title: text('Scala di Conley', 'Conley scale'),
  reference: 'Conley D, Schultz AA, Selvin R. The challenge of predicting patients at risk for falling: development of the Conley Scale. Medsurg Nurs 1999;8(6):348–354.',
  licensed: false,
  enabledByDefault: true,
  direction: 'higher-is-worse',
  scoring: 'sum',
  items: [
    askedItem('previous-falls', 'È caduto negli ultimi tre mesi?', 'Fallen in the last three months?', 2),
    askedItem('dizziness', 'Ha mai avuto vertigini o capogiri?', 'Ever had dizziness or vertigo?', 1),
    askedItem('incontinence', "Le è capitato di perdere urina o feci mentre andava in bagno?", 'Ever lost urine or faeces on the way to the toilet?', 1),
    observedItem('impaired-gait', 'Compromissione della marcia, dell’equilibrio o della mobilità', 'Impaired gait, balance or mobility', 1),
    observedItem('agitation', 'Agitazione', 'Agitation', 2),
    observedItem('impaired-judgement', 'Deterioramento della capacità di giudizio o mancanza del senso del pericolo', 'Impaired judgement or lack of sense of danger', 3),
  ],
  conventions: [
    {
      kind: 'ranges',
      id: 'conley-1999',
      label: text('≥2 a rischio', '≥2 at risk'),
      bands: [band(0, 1, 'not-at-risk', 'Non a rischio', 'Not at risk'), band(2, 10, 'at-risk', 'A rischio di caduta', 'At risk of falling')],
    },
  ],
  defaultConvention: 'conley-1999',
};
