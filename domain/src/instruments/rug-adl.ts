import { pointOptions, text } from './definition-helpers';
import type { InstrumentDefinition, InstrumentOption } from './instrument-types';

/**
 * RUG-III ADL sum (4–18): bed mobility, toilet use and transfer scored 1/3/4/5,
 * eating 1/2/3. The answers are the RUG scores themselves; `rugAdlValueFromMds`
 * derives them from MDS 2.0 self-performance and support codes. interRAI/RUG
 * forms need permission for use in software, so the definition ships disabled.
 */

const LATE_LOSS = pointOptions([
  [1, 'Indipendente o supervisione (MDS 0–1)', 'Independent or supervision (MDS 0–1)'],
  [3, 'Aiuto limitato (MDS 2)', 'Limited assistance (MDS 2)'],
  [4, 'Aiuto esteso o dipendenza totale, un operatore', 'Extensive assistance or total dependence, one helper'],
  [5, 'Aiuto esteso o dipendenza totale, due o più operatori', 'Extensive assistance or total dependence, two or more helpers'],
]);

const EATING: InstrumentOption[] = pointOptions([
  [1, 'Indipendente o supervisione (MDS 0–1)', 'Independent or supervision (MDS 0–1)'],
  [2, 'Aiuto limitato (MDS 2)', 'Limited assistance (MDS 2)'],
  [3, 'Aiuto esteso o dipendenza totale (MDS 3, 4, 8)', 'Extensive assistance or total dependence (MDS 3, 4, 8)'],
]);

/** RUG-III ADL index. */
export const RUG_ADL: InstrumentDefinition = {
  id: 'rug-adl',
  title: text('Indice ADL RUG-III', 'RUG-III ADL sum'),
  reference:
    'Fries BE, Schneider DP, Foley WJ, Gavazzi M, Burke R, Cornelius E. Refining a case-mix measure for nursing homes: Resource Utilization Groups (RUG-III). Med Care 1994;32(7):668–685.',
  licensed: true,
  licence: 'interRAI / RUG forms: permission needed for use in software.',
  enabledByDefault: false,
  direction: 'higher-is-worse',
  scoring: 'sum',
  items: [
    { id: 'bed-mobility', label: text('Mobilità nel letto', 'Bed mobility'), options: LATE_LOSS },
    { id: 'toilet-use', label: text('Uso del WC', 'Toilet use'), options: LATE_LOSS },
    { id: 'transfer', label: text('Trasferimenti', 'Transfer'), options: LATE_LOSS },
    { id: 'eating', label: text('Alimentazione', 'Eating'), options: EATING },
  ],
  conventions: [{ kind: 'ranges', id: 'unbanded', label: text('Nessuna fascia', 'No bands'), bands: [] }],
  defaultConvention: 'unbanded',
};

/** MDS 2.0 ADL self-performance code (8 = activity did not occur). */
export type MdsSelfPerformance = 0 | 1 | 2 | 3 | 4 | 8;
/** MDS 2.0 ADL support code (3 = two or more persons' physical assistance; 8 = did not occur). */
export type MdsSupport = 0 | 1 | 2 | 3 | 8;

/**
 * The RUG-III answer value of one item from MDS 2.0 codes: 0–1 → 1; 2 → 3;
 * 3/4/8 with support ≤2 → 4, with support 3 → 5. Eating: 0–1 → 1, 2 → 2, 3/4/8 → 3.
 */
export function rugAdlValueFromMds(itemId: 'bed-mobility' | 'toilet-use' | 'transfer' | 'eating', selfPerformance: MdsSelfPerformance, support: MdsSupport): string {
  if (selfPerformance <= 1) return '1';
  if (itemId === 'eating') return selfPerformance === 2 ? '2' : '3';
  if (selfPerformance === 2) return '3';
  // Support 8 (did not occur) is not "two or more helpers".
  return support === 3 ? '5' : '4';
}
