import { namedOptions, text } from './definition-helpers';
import type { InstrumentDefinition, InstrumentItem } from './instrument-types';

/**
 * Katz Index of ADL: six functions, each independent (1) or dependent (0).
 * The letter grade is computed by the `katz` rule; "funzioni perse", as
 * Italian reports give it, is 6 − total and comes out as `extra.functionsLost`.
 */

function katzItem(id: string, it: string, en: string, independent: [string, string], dependent: [string, string]): InstrumentItem {
  return {
    id,
    label: text(it, en),
    options: namedOptions([
      ['independent', 1, independent[0], independent[1]],
      ['dependent', 0, dependent[0], dependent[1]],
    ]),
  };
}

/** The functions whose dependencies grades C–F add one by one, in that order (Katz 1963). */
export const KATZ_HIERARCHY = ['bathing', 'dressing', 'toileting', 'transferring'] as const;

/** Katz Index of Independence in Activities of Daily Living (Katz 1963). */
export const KATZ_ADL: InstrumentDefinition = {
  id: 'katz-adl',
  title: text('Indice di Katz (ADL)', 'Katz Index of Independence in ADL'),
  reference:
    'Katz S, Ford AB, Moskowitz RW, Jackson BA, Jaffe MW. Studies of illness in the aged. The Index of ADL: a standardized measure of biological and psychosocial function. JAMA 1963;185:914–919.',
  licensed: false,
  enabledByDefault: true,
  direction: 'higher-is-better',
  scoring: 'katz',
  items: [
    katzItem(
      'bathing',
      'Fare il bagno',
      'Bathing',
      ['Nessun aiuto, o aiuto per una sola parte del corpo', 'No help, or help with one part of the body only'],
      ['Aiuto per più parti del corpo, o non si lava', 'Help with more than one part, or does not bathe'],
    ),
    katzItem(
      'dressing',
      'Vestirsi',
      'Dressing',
      ['Prende i vestiti e si veste da solo (allacciare le scarpe escluso)', 'Gets clothes and dresses unaided (tying shoes excepted)'],
      ['Aiuto per vestirsi, o resta in parte svestito', 'Needs help dressing, or stays partly undressed'],
    ),
    katzItem(
      'toileting',
      'Uso del WC',
      'Toileting',
      ['Va al WC, si pulisce e si riveste da solo', 'Goes to the toilet, cleans and arranges clothes unaided'],
      ['Usa padella o comoda, o riceve aiuto', 'Uses bedpan or commode, or receives help'],
    ),
    katzItem(
      'transferring',
      'Spostarsi (letto, sedia)',
      'Transferring',
      ['Entra ed esce dal letto e dalla sedia da solo (anche con ausili)', 'Moves in and out of bed and chair unaided (aids allowed)'],
      ['Aiuto negli spostamenti, o non ne compie alcuni', 'Help with transfers, or does not perform some'],
    ),
    katzItem(
      'continence',
      'Continenza',
      'Continence',
      ['Controllo completo di urina e feci', 'Complete control of urination and defecation'],
      ['Incontinenza parziale o totale, o controllo con clisteri o catetere', 'Partial or total incontinence, or control by enemas or catheter'],
    ),
    katzItem(
      'feeding',
      'Alimentazione',
      'Feeding',
      ['Porta il cibo dal piatto alla bocca da solo (tagliare la carne escluso)', 'Gets food from plate to mouth unaided (cutting meat excepted)'],
      ['Aiuto nel mangiare, o nutrizione artificiale', 'Help with eating, or tube or parenteral feeding'],
    ),
  ],
  conventions: [
    {
      kind: 'grade',
      id: 'katz-1963',
      label: text('Gradi di Katz A–G', 'Katz grades A–G'),
      basis: 'grade',
      grades: [
        { code: 'A', label: text('A: indipendente in tutte le funzioni', 'A: independent in all six functions') },
        { code: 'B', label: text('B: indipendente in tutte tranne una', 'B: independent in all but one') },
        { code: 'C', label: text("C: dipendente nel bagno e in un'altra funzione", 'C: dependent in bathing and one other function') },
        { code: 'D', label: text("D: dipendente in bagno, vestirsi e un'altra funzione", 'D: dependent in bathing, dressing and one other') },
        { code: 'E', label: text("E: dipendente in bagno, vestirsi, uso del WC e un'altra", 'E: dependent in bathing, dressing, toileting and one other') },
        {
          code: 'F',
          label: text("F: dipendente in bagno, vestirsi, uso del WC, spostarsi e un'altra", 'F: dependent in bathing, dressing, toileting, transferring and one other'),
        },
        { code: 'G', label: text('G: dipendente in tutte le funzioni', 'G: dependent in all six functions') },
        {
          code: 'Other',
          label: text('Altro: almeno due dipendenze non classificabili come C, D, E o F', 'Other: two or more dependencies not classifiable as C, D, E or F'),
        },
      ],
    },
  ],
  defaultConvention: 'katz-1963',
};
