import { describe, expect, it } from 'vitest';
import { decodePc300Message, parsePc300Frame } from '../vendor/contec-pc300';
import { decodeSp80bMessage, parseSp80bFrame } from '../vendor/contec-sp80b';
import { parsePmdControlPointResponse, parsePmdEcgFrame } from '../vendor/polar-pmd';
import { decodeErRealTime, parseErFrame } from '../vendor/wellue-er';
import {
  encodeErRealTimeResponse,
  encodePc300CuffPressure,
  encodePc300NibpError,
  encodePc300NibpResult,
  encodePc300Spo2,
  encodePc300Temperature,
  encodePmdEcgFrame,
  encodePmdResponse,
  encodeSp80bRecord,
} from './vendor-encoders';
import { DEFAULT_SPIROMETRY } from './vendor-peripherals';

const pc300 = (bytes: Uint8Array): unknown => decodePc300Message(parsePc300Frame(bytes));

describe('vendor encoders, read back by the vendor/ decoders', () => {
  it('when encoding PC-300 frames, then each decodes to the same message', () => {
    expect(pc300(encodePc300CuffPressure(1234 & 0xfff))).toEqual({ kind: 'cuff-pressure', cuffPressure: 1234, unit: 'mm[Hg]' });
    expect(
      pc300(encodePc300NibpResult({ systolic: 128, diastolic: 82, meanArterialPressure: 97, pulseRate: 72, irregularPulse: true })),
    ).toMatchObject({
      kind: 'nibp-result',
      systolic: 128,
      irregularPulse: true,
    });
    expect(pc300(encodePc300NibpError(3))).toEqual({ kind: 'nibp-error', errorCode: 3 });
    expect(pc300(encodePc300Spo2({ spo2: 97, pulseRate: 300, perfusionIndex: 5.2 }))).toEqual({
      kind: 'spo2',
      spo2Percent: 97,
      pulseRate: 300,
      perfusionIndexPercent: 5.2,
    });
    expect(pc300(encodePc300Spo2({ spo2: 0, pulseRate: 0, perfusionIndex: 0, probeOff: true }))).toEqual({
      kind: 'spo2-unavailable',
      reason: 'probe-off',
    });
    expect(pc300(encodePc300Temperature(36.8))).toEqual({ kind: 'temperature', celsius: 36.8 });
  });

  it('when encoding the default SP80B record, then it decodes to the same SpirometryResult values', () => {
    const message = decodeSp80bMessage(parseSp80bFrame(encodeSp80bRecord(DEFAULT_SPIROMETRY)));
    expect(message).toMatchObject({
      kind: 'record',
      pefTimeRaw: 12,
      result: { fvcL: 3.2, fev1L: 2.6, fev1FvcPercent: 81.3, fef25Lps: 6.3 },
    });
  });

  it('when encoding Polar PMD frames and responses, then the samples (negative ones too) and statuses come back', () => {
    const frame = parsePmdEcgFrame(encodePmdEcgFrame(123_456_789n, [-150, 0, 1200.4]));
    expect(frame).toEqual({ timestampNs: 123_456_789n, samplesUv: Int32Array.from([-150, 0, 1200]) });
    expect(parsePmdControlPointResponse(encodePmdResponse(0x02))).toMatchObject({ opCode: 2, status: 'success', more: false });
    expect(parsePmdControlPointResponse(encodePmdResponse(0x02, 0x0c))).toMatchObject({ status: 'invalid-state' });
  });

  it('when encoding an ER real-time answer, then the samples, heart rate and lead status come back', () => {
    const data = decodeErRealTime(
      parseErFrame(encodeErRealTimeResponse({ sequence: 4, heartRate: 72, runStatus: 0, samples: [100, -100, 0x7fff] })),
    );
    expect(data).toMatchObject({ heartRate: 72, leadsOff: false, rawSamples: Int16Array.from([100, -100, 0x7fff]) });
    expect(data.samplesMv[2]).toBeNull();
  });
});
