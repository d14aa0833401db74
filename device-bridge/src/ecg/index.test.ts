import { describe, expect, it } from 'vitest';
import * as ecg from './index';

describe('ECG entry point', () => {
  it('when imported in plain Node (no browser globals), then exposes exactly the ECG API', () => {
    expect(Object.keys(ecg).sort()).toEqual(
      [
        'EightLeadStripRecorder',
        'LEAD_NAMES',
        'MDC_LEAD_CODES',
        'RECORDED_LEAD_NAMES',
        'decodeEcgStrip',
        'deriveLimbLeads',
        'encodeEcgStrip',
        'estimateHeartRate',
      ].sort(),
    );
  });
});
