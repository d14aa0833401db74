import { describe, expect, it } from 'vitest';
import * as vendor from './index';

describe('vendor protocols entry point', () => {
  it('when imported in plain Node (no browser globals), then exposes exactly the protocol API', () => {
    expect(Object.keys(vendor).sort()).toEqual(
      [
        'CONTEC_PC300_UUIDS',
        'CONTEC_SP80B_UUIDS',
        'ER_COMMANDS',
        'ER_INVALID_SAMPLE',
        'ER_MV_PER_COUNT',
        'ER_REAL_TIME_LAYOUT',
        'ER_SAMPLE_RATE_HZ',
        'ErFrameReassembler',
        'PC300_TOKENS',
        'PMD_MEASUREMENT_ECG',
        'PMD_OP_CODES',
        'PMD_STATUSES',
        'POLAR_PMD_UUIDS',
        'Pc300FrameReassembler',
        'SP80B_ASSUMED_LAYOUT',
        'SP80B_HEADERS',
        'Sp80bFrameReassembler',
        'WELLUE_ER_UUIDS',
        'crc8Maxim',
        'crc8Smbus',
        'decodeErRealTime',
        'decodePc300Message',
        'decodeSp80bMessage',
        'encodeErFrame',
        'encodeErInfoRequest',
        'encodeErRealTimeRequest',
        'encodePc300Frame',
        'encodePc300StartNibp',
        'encodePc300StopNibp',
        'encodePmdGetSettings',
        'encodePmdStartEcg',
        'encodePmdStop',
        'encodeSp80bFrame',
        'parseErFrame',
        'parsePc300Frame',
        'parsePmdControlPointResponse',
        'parsePmdEcgFrame',
        'parseSp80bFrame',
        'pmdTimestampToDate',
        'sp80bChecksum',
        'validateSpirometryResult',
      ].sort(),
    );
  });
});
