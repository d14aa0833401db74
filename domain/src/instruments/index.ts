// Assessment instruments as data, one scoring engine, and the SVAMA nurse's part.
export * from './instrument-types';
export * from './instrument-errors';
export { BARTHEL, BARTHEL_SHAH } from './barthel';
export { KATZ_ADL, KATZ_HIERARCHY } from './katz-adl';
export { LAWTON_IADL } from './lawton-iadl';
export { BRADEN, EXTON_SMITH, NORTON } from './pressure-risk';
export { CONLEY, TINETTI } from './fall-risk';
export { GDS_15, SPMSQ } from './cognition-mood';
export { CIRS, CIRS_PSYCHIATRIC_ITEM } from './cirs';
export { NRS, PAINAD } from './pain';
export { MNA_SF, MUST } from './nutrition';
export { RUG_ADL, rugAdlValueFromMds, type MdsSelfPerformance, type MdsSupport } from './rug-adl';
export { INSTRUMENTS, enabledInstruments, instrumentById } from './registry';
export {
  answersFromList,
  answersToList,
  compareWithPrevious,
  resolveInstrument,
  runningScore,
  scoreInstrument,
  validateBandSet,
  type InstrumentComparison,
} from './scoring';
export * from './svama';
