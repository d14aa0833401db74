import { describe, expect, it } from 'vitest';
import { MeasurementFormatError } from '../errors';
import { hex } from '../testing/hex';
import { decodeSp80bMessage, encodeSp80bFrame, parseSp80bFrame, Sp80bFrameReassembler, sp80bChecksum } from './contec-sp80b';

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

const decode = (frame: DataView | Uint8Array) => decodeSp80bMessage(parseSp80bFrame(frame));

// Built apart from the code under test: FVC 4.50, FEV0.5 2.10, FEV1 3.60, FEV1/FVC 80.0 %, FEV3 4.30, FEV6 4.48,
// PEF 8.50, FEF25 7.20, FEF50 4.80, FEF75 2.10, FEF25–75 4.10, PEF time 12.
const RECORD = 'E1 42 03 52 01 68 02 20 06 2E 03 40 03 52 06 50 05 60 03 52 01 1A 03 0C 00 09';
const RECORD_VALUES = [450, 210, 360, 800, 430, 448, 850, 720, 480, 210, 410, 12];
const RECORD_COUNT = 'E0 03 00 63';
const WAVE = 'E2 00 00 64 00 7F 7F 44';

/** A record frame with some values replaced. */
function recordWith(changes: Record<number, number>): Uint8Array {
  return encodeSp80bFrame(
    0xe1,
    RECORD_VALUES.map((value, i) => changes[i] ?? value),
  );
}

describe('7-bit encoding', () => {
  it('when values are encoded, then each is lo7 then hi7 and the checksum is the byte sum & 7F', () => {
    expect(encodeSp80bFrame(0xe1, RECORD_VALUES)).toEqual(bytes(RECORD));
    expect(encodeSp80bFrame(0xe2, [0, 100, 16383])).toEqual(bytes(WAVE));
    expect(sp80bChecksum(bytes('E0 03 00'))).toBe(0x63);
  });

  it.each([[16384], [-1], [2.5]])('when a value (%s) does not fit 14 bits, then the encoder throws a RangeError', (value) => {
    expect(() => encodeSp80bFrame(0xe2, [value])).toThrow(RangeError);
  });
});

describe('decodeSp80bMessage', () => {
  it('when a record arrives, then returns one SpirometryResult in L, L/s and %', () => {
    expect(decode(hex(RECORD))).toStrictEqual({
      kind: 'record',
      result: {
        fvcL: 4.5,
        fev1L: 3.6,
        fev1FvcPercent: 80,
        pefLps: 8.5,
        fef25Lps: 7.2,
        fef2575Lps: 4.1,
        fef75Lps: 2.1,
        fef50Lps: 4.8,
        fev05L: 2.1,
        fev3L: 4.3,
        fev6L: 4.48,
      },
      pefTimeRaw: 12,
    });
  });

  it('when FEV0.5, FEV3, FEV6 and FEF50 are 0 (a short blow), then leaves them out', () => {
    const message = decode(recordWith({ 1: 0, 4: 0, 5: 0, 8: 0 }));
    expect(message.kind === 'record' && Object.keys(message.result).sort()).toEqual(
      ['fef2575Lps', 'fef25Lps', 'fef75Lps', 'fev1FvcPercent', 'fev1L', 'fvcL', 'pefLps'].sort(),
    );
  });

  it('when FEV1 is above FVC, then refuses the record as inconsistent', () => {
    const error = refusal(() => decode(recordWith({ 0: 350, 2: 360, 3: 1000, 4: 0, 5: 0 })));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('FVC');
  });

  it('when FEV1/FVC contradicts FEV1 and FVC, then refuses the record naming the ratio', () => {
    const error = refusal(() => decode(recordWith({ 3: 700 })));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('FEV1/FVC');
  });

  it.each([
    ['FVC is 0', { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, 'FVC'],
    ['PEF is 0', { 6: 0 }, 'PEF'],
    ['FEF25 is 25 L/s', { 7: 2500 }, 'FEF25'],
  ])('when %s, then refuses the record as out-of-range', (_, changes, field) => {
    const error = refusal(() => decode(recordWith(changes)));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe(field);
  });

  it('when a record holds 11 values, then refuses it as too-short; 13 values, as inconsistent', () => {
    expect(refusal(() => decode(encodeSp80bFrame(0xe1, RECORD_VALUES.slice(0, 11)))).code).toBe('too-short');
    expect(refusal(() => decode(encodeSp80bFrame(0xe1, [...RECORD_VALUES, 0]))).code).toBe('inconsistent');
  });

  it('when the record count arrives, then returns it', () => {
    expect(decode(hex(RECORD_COUNT))).toStrictEqual({ kind: 'record-count', count: 3 });
  });

  it('when a wave or predicted frame arrives, then returns its raw 14-bit values', () => {
    expect(decode(hex(WAVE))).toStrictEqual({ kind: 'wave', values: [0, 100, 16383] });
    expect(decode(hex('E4 60 03 06 03 50'))).toStrictEqual({ kind: 'predicted', values: [480, 390] });
  });

  it('when the header is unknown (E5), then refuses it naming the header', () => {
    const error = refusal(() => decode(encodeSp80bFrame(0xe5, [1])));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('header');
  });
});

describe('parseSp80bFrame', () => {
  it('when the checksum is wrong, then refuses the frame naming the checksum', () => {
    const error = refusal(() => parseSp80bFrame(hex('E0 03 00 64')));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('checksum');
    expect(error.message).toBe('Contec SP80B frame: checksum is 64, computed 63');
  });

  it('when the first byte has bit 7 clear, then refuses it: it is not a header', () => {
    const error = refusal(() => parseSp80bFrame(hex('60 03 00 63')));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('header');
  });

  it('when a data byte has bit 7 set, then refuses the frame as inconsistent', () => {
    expect(refusal(() => parseSp80bFrame(hex('E0 83 00 63'))).field).toBe('data');
  });

  it('when the data bytes cannot pair into values, then refuses the frame as inconsistent', () => {
    expect(refusal(() => parseSp80bFrame(hex('E0 03 63'))).code).toBe('inconsistent');
  });

  it.each([['E0'], ['']])('when only "%s" is given, then refuses it as too-short', (text) => {
    expect(refusal(() => parseSp80bFrame(hex(text))).code).toBe('too-short');
  });
});

describe('Sp80bFrameReassembler', () => {
  it('when a record arrives in two notifications, then returns it as soon as its known length is reached', () => {
    const record = bytes(RECORD);
    const reassembler = new Sp80bFrameReassembler();
    expect(reassembler.push(record.subarray(0, 20)).frames).toEqual([]);
    const { frames, rejected } = reassembler.push(record.subarray(20));
    expect(rejected).toEqual([]);
    expect(frames.map((frame) => decodeSp80bMessage(frame).kind)).toEqual(['record']);
  });

  it('when the count and a record share a notification, then returns both', () => {
    const { frames } = new Sp80bFrameReassembler().push(hex(`${RECORD_COUNT} ${RECORD}`));
    expect(frames.map((frame) => frame.header)).toEqual([0xe0, 0xe1]);
  });

  it('when a wave frame is followed by another header, then the wave ends there; flush ends the last one', () => {
    const reassembler = new Sp80bFrameReassembler();
    expect(reassembler.push(hex(WAVE)).frames).toEqual([]);
    expect(reassembler.push(hex('E2 01 00 02 00 65')).frames.map((frame) => frame.values)).toEqual([[0, 100, 16383]]);
    expect(reassembler.flush()).toEqual({ frames: [{ header: 0xe2, values: [1, 2] }], rejected: [] });
  });

  it('when a record has a bad checksum, then it is refused and the frame after it is returned', () => {
    const damaged = RECORD.replace(/09$/, '0A');
    const { frames, rejected } = new Sp80bFrameReassembler().push(hex(`${damaged} ${RECORD_COUNT}`));
    expect(rejected.map((error) => error.field)).toEqual(['checksum']);
    expect(frames.map((frame) => frame.header)).toEqual([0xe0]);
  });

  it('when data bytes arrive without a header, then they are reported as stray', () => {
    const { frames, rejected } = new Sp80bFrameReassembler().push(hex(`01 02 ${RECORD_COUNT}`));
    expect(frames).toHaveLength(1);
    expect(rejected.map((error) => error.message)).toEqual(['Contec SP80B frame: 2 byte(s) outside any frame discarded']);
  });
});
