// ECG leads, strips and heart rate, independent of any device.
export {
  LEAD_NAMES,
  RECORDED_LEAD_NAMES,
  MDC_LEAD_CODES,
  deriveLimbLeads,
  EightLeadStripRecorder,
} from './leads';
export type {
  DerivedLeadName,
  DerivedLimbLeads,
  EcgStrip,
  EcgUnit,
  EightLeadBlock,
  EightLeadEcgProtocol,
  LeadName,
  LeadSamples,
  RecordedLeadName,
} from './leads';

export { encodeEcgStrip, decodeEcgStrip } from './strip-encoding';
export type { EncodedEcgStrip } from './strip-encoding';

export { estimateHeartRate } from './heart-rate';
export type { HeartRateEstimate } from './heart-rate';
