// Vendor Bluetooth protocols: bytes in, typed messages out, commands encoded.
// Frame reassembly is exposed per protocol; the generic reassembler and the
// byte helpers stay internal.
export type { ReassemblyResult } from './frame-reassembler';

export {
  CONTEC_PC300_UUIDS,
  PC300_TOKENS,
  crc8Maxim,
  encodePc300Frame,
  encodePc300StartNibp,
  encodePc300StopNibp,
  parsePc300Frame,
  decodePc300Message,
  Pc300FrameReassembler,
} from './contec-pc300';
export type { Pc300Frame, Pc300Message } from './contec-pc300';

export {
  POLAR_PMD_UUIDS,
  PMD_MEASUREMENT_ECG,
  PMD_OP_CODES,
  PMD_STATUSES,
  encodePmdGetSettings,
  encodePmdStartEcg,
  encodePmdStop,
  parsePmdControlPointResponse,
  parsePmdEcgFrame,
  pmdTimestampToDate,
} from './polar-pmd';
export type { PmdControlPointResponse, PmdEcgFrame, PmdEcgStartSettings, PmdSettings, PmdStatus } from './polar-pmd';

export {
  WELLUE_ER_UUIDS,
  ER_COMMANDS,
  ER_SAMPLE_RATE_HZ,
  ER_MV_PER_COUNT,
  ER_INVALID_SAMPLE,
  ER_REAL_TIME_LAYOUT,
  crc8Smbus,
  encodeErFrame,
  encodeErInfoRequest,
  encodeErRealTimeRequest,
  parseErFrame,
  decodeErRealTime,
  ErFrameReassembler,
} from './wellue-er';
export type { ErFrame, ErRealTimeData } from './wellue-er';

export { validateSpirometryResult } from './spirometry';
export type { FlowVolumePoint, SpirometryResult } from './spirometry';

export {
  CONTEC_SP80B_UUIDS,
  SP80B_HEADERS,
  SP80B_ASSUMED_LAYOUT,
  sp80bChecksum,
  encodeSp80bFrame,
  parseSp80bFrame,
  decodeSp80bMessage,
  Sp80bFrameReassembler,
} from './contec-sp80b';
export type { Sp80bFrame, Sp80bMessage } from './contec-sp80b';
