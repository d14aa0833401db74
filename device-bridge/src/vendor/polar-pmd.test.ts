import { describe, expect, it } from 'vitest';
import { MeasurementFormatError } from '../errors';
import { hex } from '../testing/hex';
import {
  encodePmdGetSettings,
  encodePmdStartEcg,
  encodePmdStop,
  parsePmdControlPointResponse,
  parsePmdEcgFrame,
  pmdTimestampToDate,
} from './polar-pmd';

/** Runs `parse` and returns the MeasurementFormatError it must throw. */
function refusal(parse: () => unknown): MeasurementFormatError {
  try {
    parse();
  } catch (error) {
    if (error instanceof MeasurementFormatError) return error;
    throw error;
  }
  throw new Error('expected a MeasurementFormatError, but the value was accepted');
}

/** The bytes written as hex pairs, as a Uint8Array. */
function bytes(text: string): Uint8Array {
  return new Uint8Array(hex(text).buffer);
}

// 2025-06-01T09:30:00Z as ns since 2000-01-01, u64 LE.
const TIMESTAMP_2025 = '00 F0 86 F2 6B 94 21 0B';

describe('PMD control point requests', () => {
  it('when starting ECG with the defaults, then writes the reference request 02 00 00 01 82 00 01 01 0E 00', () => {
    expect(encodePmdStartEcg()).toEqual(bytes('02 00 00 01 82 00 01 01 0E 00'));
  });

  it('when other settings are asked for, then encodes them as u16 LE values', () => {
    expect(encodePmdStartEcg({ sampleRateHz: 260, resolutionBits: 16 })).toEqual(bytes('02 00 00 01 04 01 01 01 10 00'));
  });

  it.each([[0], [1.5], [0x10000]])('when the sample rate is %s, then throws a TypeError', (sampleRateHz) => {
    expect(() => encodePmdStartEcg({ sampleRateHz, resolutionBits: 14 })).toThrow(TypeError);
  });

  it('when asking for the ECG settings, then writes 01 00', () => {
    expect(encodePmdGetSettings()).toEqual(bytes('01 00'));
  });

  it('when stopping the ECG stream, then writes 03 00', () => {
    expect(encodePmdStop()).toEqual(bytes('03 00'));
  });
});

describe('parsePmdControlPointResponse', () => {
  it('when the start succeeded, then returns success with no settings', () => {
    expect(parsePmdControlPointResponse(hex('F0 02 00 00 00'))).toStrictEqual({
      opCode: 0x02,
      measurementType: 0x00,
      status: 'success',
      statusCode: 0,
      more: false,
      settings: {},
    });
  });

  it('when the settings answer lists 130 Hz and 14 bits, then returns them', () => {
    const response = parsePmdControlPointResponse(hex('F0 01 00 00 00 00 01 82 00 01 01 0E 00'));
    expect(response.settings).toStrictEqual({ sampleRatesHz: [130], resolutionsBits: [14] });
  });

  it('when a setting lists several values and more settings follow, then returns them all and flags `more`', () => {
    const response = parsePmdControlPointResponse(hex('F0 01 02 00 01 00 03 19 00 32 00 64 00 02 01 08 00 04 01 03'));
    expect(response.more).toBe(true);
    expect(response.settings).toStrictEqual({ sampleRatesHz: [25, 50, 100], ranges: [8], channels: [3] });
  });

  it('when the start answer carries a factor, then reads it as float32', () => {
    expect(parsePmdControlPointResponse(hex('F0 02 00 00 00 05 01 00 00 80 3F')).settings).toStrictEqual({ factors: [1] });
  });

  it.each([
    ['06', 'already-in-state'],
    ['08', 'invalid-sample-rate'],
    ['0D', 'device-in-charger'],
    ['20', 'unknown'],
  ])('when the status code is %s, then reports %s and no settings', (code, status) => {
    const response = parsePmdControlPointResponse(hex(`F0 02 00 ${code} 00 00 01 82 00`));
    expect(response.status).toBe(status);
    expect(response.statusCode).toBe(parseInt(code, 16));
    expect(response.settings).toStrictEqual({});
    expect(response.more).toBe(false);
  });

  it('when the first byte is not F0, then refuses it naming the response code', () => {
    const error = refusal(() => parsePmdControlPointResponse(hex('02 00 00 01')));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('response code');
  });

  it('when fewer than four bytes arrive, then refuses it as too-short', () => {
    expect(refusal(() => parsePmdControlPointResponse(hex('F0 02 00'))).code).toBe('too-short');
  });

  it('when a setting type is unknown, then refuses the settings', () => {
    const error = refusal(() => parsePmdControlPointResponse(hex('F0 01 00 00 00 09 01 00')));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('settings');
  });

  it('when a setting announces more values than are present, then refuses it as missing-field', () => {
    const error = refusal(() => parsePmdControlPointResponse(hex('F0 01 00 00 00 00 02 82 00')));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe('sampleRatesHz');
  });

  it('when a setting has no count byte, then refuses it as missing-field', () => {
    expect(refusal(() => parsePmdControlPointResponse(hex('F0 01 00 00 00 00'))).code).toBe('missing-field');
  });
});

describe('parsePmdEcgFrame', () => {
  it('when an ECG frame arrives, then returns its time stamp and signed 24-bit µV samples', () => {
    const frame = parsePmdEcgFrame(hex(`00 ${TIMESTAMP_2025} 00 0A 00 00 F6 FF FF FF FF 7F 00 00 80`));
    expect(frame.timestampNs).toBe(BigInt(Date.UTC(2025, 5, 1, 9, 30) - Date.UTC(2000, 0, 1)) * 1_000_000n);
    expect(Array.from(frame.samplesUv)).toEqual([10, -10, 8_388_607, -8_388_608]);
    expect(pmdTimestampToDate(frame.timestampNs).toISOString()).toBe('2025-06-01T09:30:00.000Z');
  });

  it('when the time stamp is one second, then it dates from 2000-01-01T00:00:01Z', () => {
    const frame = parsePmdEcgFrame(hex('00 00 CA 9A 3B 00 00 00 00 00 2C 01 00'));
    expect(pmdTimestampToDate(frame.timestampNs).toISOString()).toBe('2000-01-01T00:00:01.000Z');
    expect(Array.from(frame.samplesUv)).toEqual([300]);
  });

  it('when the frame holds 73 samples, as the H10 sends at 130 Hz, then returns all of them in order', () => {
    const samples = Array.from({ length: 73 }, (_, i) => (i - 36) * 1000);
    const frame = new Uint8Array(10 + 3 * samples.length);
    samples.forEach((value, i) => frame.set([value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff], 10 + 3 * i));
    expect(Array.from(parsePmdEcgFrame(frame).samplesUv)).toEqual(samples);
  });

  it('when the measurement type is not ECG (02, accelerometer), then refuses it', () => {
    const error = refusal(() => parsePmdEcgFrame(hex(`02 ${TIMESTAMP_2025} 00 0A 00 00`)));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('measurement type');
  });

  it('when the frame is delta-compressed (bit 7), then refuses it saying so', () => {
    const error = refusal(() => parsePmdEcgFrame(hex(`00 ${TIMESTAMP_2025} 80 0A 00 00`)));
    expect(error.field).toBe('frame type');
    expect(error.message).toMatch(/delta-compressed/);
  });

  it('when the frame type is not 0, then refuses it', () => {
    expect(refusal(() => parsePmdEcgFrame(hex(`00 ${TIMESTAMP_2025} 01 0A 00 00`))).code).toBe('out-of-range');
  });

  it('when the sample bytes are not a multiple of three, then refuses it as inconsistent', () => {
    const error = refusal(() => parsePmdEcgFrame(hex(`00 ${TIMESTAMP_2025} 00 0A 00 00 0B 00`)));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('samples');
  });

  it.each([[`00 ${TIMESTAMP_2025} 00`], ['00 00 00'], ['']])('when "%s" holds no whole sample, then refuses it as too-short', (text) => {
    expect(refusal(() => parsePmdEcgFrame(hex(text))).code).toBe('too-short');
  });
});
