/**
 * Encoders for the vendor frames the simulator sends, built on the vendor
 * modules' own frame encoders (and checked by their decoders in the tests).
 */
import { encodePc300Frame, PC300_TOKENS } from '../vendor/contec-pc300';
import { encodeErFrame, ER_COMMANDS, ER_REAL_TIME_LAYOUT } from '../vendor/wellue-er';
import { encodeSp80bFrame, SP80B_ASSUMED_LAYOUT, SP80B_HEADERS } from '../vendor/contec-sp80b';
import { PMD_MEASUREMENT_ECG } from '../vendor/polar-pmd';

/** PC-300 live cuff pressure (token 42), mmHg. */
export function encodePc300CuffPressure(mmHg: number): Uint8Array {
  return encodePc300Frame(PC300_TOKENS.cuffPressure, 0x01, [(mmHg >> 8) & 0x0f, mmHg & 0xff]);
}

/** PC-300 blood pressure result (token 43, type 01). */
export function encodePc300NibpResult(result: {
  systolic: number;
  diastolic: number;
  meanArterialPressure: number;
  pulseRate: number;
  irregularPulse?: boolean;
}): Uint8Array {
  const word = result.systolic | (result.irregularPulse ? 0x8000 : 0);
  return encodePc300Frame(PC300_TOKENS.bpResult, 0x01, [
    word >> 8,
    word & 0xff,
    result.meanArterialPressure,
    result.diastolic,
    result.pulseRate,
  ]);
}

/** PC-300 blood pressure error (token 43, type 02). */
export function encodePc300NibpError(errorCode: number): Uint8Array {
  return encodePc300Frame(PC300_TOKENS.bpResult, 0x02, [errorCode]);
}

/** PC-300 SpO2 parameters (token 53): SpO2 %, pulse, perfusion index %, probe off flag. */
export function encodePc300Spo2(reading: { spo2: number; pulseRate: number; perfusionIndex: number; probeOff?: boolean }): Uint8Array {
  const pi = Math.round(reading.perfusionIndex * 10);
  const status = reading.probeOff ? 0x02 : 0x00;
  return encodePc300Frame(PC300_TOKENS.spo2, 0x01, [reading.spo2, reading.pulseRate & 0xff, reading.pulseRate >> 8, pi, status]);
}

/** PC-300 temperature (token 72): °C = 30.00 + BE16 / 100. */
export function encodePc300Temperature(celsius: number): Uint8Array {
  const value = Math.round((celsius - 30) * 100);
  return encodePc300Frame(PC300_TOKENS.temperature, 0x01, [value >> 8, value & 0xff]);
}

/** SP80B values, in SP80B_ASSUMED_LAYOUT order: L and L/s, FEV1/FVC in %, PEF time as sent. */
export interface Sp80bRecordValues {
  fvcL: number;
  fev05L: number;
  fev1L: number;
  fev1FvcPercent: number;
  fev3L: number;
  fev6L: number;
  pefLps: number;
  fef25Lps: number;
  fef50Lps: number;
  fef75Lps: number;
  fef2575Lps: number;
  pefTimeRaw: number;
}

/** SP80B record frame (E1). */
export function encodeSp80bRecord(record: Sp80bRecordValues): Uint8Array {
  const hundredths = (value: number): number => Math.round(value * 100);
  const byField: Record<(typeof SP80B_ASSUMED_LAYOUT.recordFields)[number], number> = {
    fvc: hundredths(record.fvcL),
    fev05: hundredths(record.fev05L),
    fev1: hundredths(record.fev1L),
    fev1FvcRatio: Math.round(record.fev1FvcPercent * 10),
    fev3: hundredths(record.fev3L),
    fev6: hundredths(record.fev6L),
    pef: hundredths(record.pefLps),
    fef25: hundredths(record.fef25Lps),
    fef50: hundredths(record.fef50Lps),
    fef75: hundredths(record.fef75Lps),
    fef2575: hundredths(record.fef2575Lps),
    pefTime: record.pefTimeRaw,
  };
  return encodeSp80bFrame(
    SP80B_HEADERS.record,
    SP80B_ASSUMED_LAYOUT.recordFields.map((field) => byField[field]),
  );
}

/** Polar PMD ECG data frame: type 00, time stamp of the last sample (ns since 2000-01-01 UTC), frame type 00, int24 µV samples. */
export function encodePmdEcgFrame(timestampNs: bigint, samplesUv: ArrayLike<number>): Uint8Array {
  const frame = new Uint8Array(10 + 3 * samplesUv.length);
  const view = new DataView(frame.buffer);
  frame[0] = PMD_MEASUREMENT_ECG;
  view.setBigUint64(1, timestampNs, true);
  frame[9] = 0x00;
  for (let i = 0; i < samplesUv.length; i++) {
    const value = Math.round(samplesUv[i]) & 0xffffff;
    frame.set([value & 0xff, (value >> 8) & 0xff, value >> 16], 10 + 3 * i);
  }
  return frame;
}

/** Polar PMD control point response: `F0 op 00 status [more settings…]`. */
export function encodePmdResponse(opCode: number, statusCode = 0, rest: readonly number[] = [0x00]): Uint8Array {
  return Uint8Array.from([0xf0, opCode, PMD_MEASUREMENT_ECG, statusCode, ...(statusCode === 0 ? rest : [])]);
}

/** Wellue ER real-time response (command 03, reply type 01): heart rate, run status, int16 sample counts. */
export function encodeErRealTimeResponse(block: {
  sequence: number;
  heartRate: number;
  runStatus: number;
  samples: ArrayLike<number>;
}): Uint8Array {
  const layout = ER_REAL_TIME_LAYOUT;
  const payload = new Uint8Array(layout.samplesOffset + 2 * block.samples.length);
  const view = new DataView(payload.buffer);
  view.setUint16(layout.heartRateOffset, block.heartRate, true);
  payload[layout.runStatusOffset] = block.runStatus;
  view.setUint16(layout.sampleCountOffset, block.samples.length, true);
  for (let i = 0; i < block.samples.length; i++) view.setInt16(layout.samplesOffset + 2 * i, block.samples[i], true);
  return encodeErFrame(ER_COMMANDS.realTime, block.sequence, payload, 0x01);
}
