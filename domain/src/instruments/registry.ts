import { BARTHEL, BARTHEL_SHAH } from './barthel';
import { CIRS } from './cirs';
import { GDS_15, SPMSQ } from './cognition-mood';
import { CONLEY, TINETTI } from './fall-risk';
import type { InstrumentDefinition } from './instrument-types';
import { KATZ_ADL } from './katz-adl';
import { LAWTON_IADL } from './lawton-iadl';
import { MNA_SF, MUST } from './nutrition';
import { NRS, PAINAD } from './pain';
import { BRADEN, EXTON_SMITH, NORTON } from './pressure-risk';
import { RUG_ADL } from './rug-adl';

/** Every instrument the app knows, in the order lists show them; licensed ones last. */
export const INSTRUMENTS: readonly InstrumentDefinition[] = [
  BARTHEL,
  BARTHEL_SHAH,
  KATZ_ADL,
  LAWTON_IADL,
  NORTON,
  EXTON_SMITH,
  TINETTI,
  CONLEY,
  SPMSQ,
  GDS_15,
  CIRS,
  NRS,
  PAINAD,
  BRADEN,
  MNA_SF,
  MUST,
  RUG_ADL,
];

/** The instrument with this id or alias, or `undefined`. */
export function instrumentById(id: string): InstrumentDefinition | undefined {
  return INSTRUMENTS.find((definition) => definition.id === id || definition.aliases?.includes(id));
}

/**
 * The instruments a nurse may fill: those enabled by default plus those an
 * administrator enabled (licensed ones need that). Unknown ids are ignored: the
 * list comes from the server's settings, which a newer version may have written.
 */
export function enabledInstruments(adminEnabledIds: readonly string[]): InstrumentDefinition[] {
  const enabled = new Set(adminEnabledIds);
  return INSTRUMENTS.filter((definition) => definition.enabledByDefault || enabled.has(definition.id));
}
