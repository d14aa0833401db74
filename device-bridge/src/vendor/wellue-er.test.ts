import { describe, expect, it } from 'vitest';
import { MeasurementFormatError } from '../errors';
import { hex } from '../testing/hex';
import {
  crc8Smbus,
  decodeErRealTime,
  encodeErFrame,
  encodeErInfoRequest,
  encodeErRealTimeRequest,
  ER_MV_PER_COUNT,
  ErFrameReassembler,
  parseErFrame,
} from './wellue-er';

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

// Real-time answers whose CRCs were computed apart from the code under test. Parameters:
// heart rate 72, battery 100 %, record time 10 s, run status 02; samples 0, 100, −100, invalid.
const REAL_TIME =
  'A5 03 FC 01 0A 1E 00 48 00 00 64 0A 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00 04 00 00 00 64 00 9C FF FF 7F F6';
// Heart rate 0, run status 07 (leads off); samples 16, −16.
const LEADS_OFF = 'A5 03 FC 01 0B 1A 00 00 00 00 64 00 00 00 00 07 00 00 00 00 00 00 00 00 00 00 00 02 00 10 00 F0 FF 98';
const INFO_ANSWER = 'A5 E1 1E 01 00 03 00 01 02 03 CE';

describe('crc8Smbus', () => {
  it('when given the catalogue check string "123456789", then returns F4 (CRC-8/SMBUS)', () => {
    expect(crc8Smbus(new TextEncoder().encode('123456789'))).toBe(0xf4);
  });
});

describe('ER requests', () => {
  it('when asking for real-time data with sequence 0A, then writes A5 03 FC 00 0A 01 00 7D BF', () => {
    expect(encodeErRealTimeRequest(0x0a)).toEqual(bytes('A5 03 FC 00 0A 01 00 7D BF'));
  });

  it('when asking for device information, then writes A5 E1 1E 00 00 00 00 69', () => {
    expect(encodeErInfoRequest(0)).toEqual(bytes('A5 E1 1E 00 00 00 00 69'));
  });

  it.each([[-1], [256], [1.5]])('when the sequence is %s, then throws a TypeError', (sequence) => {
    expect(() => encodeErFrame(0x03, sequence)).toThrow(TypeError);
  });

  it('when a frame is encoded with a long payload, then its length is little-endian and it parses back', () => {
    const payload = Array.from({ length: 300 }, (_, i) => i & 0xff);
    const frame = encodeErFrame(0x03, 7, payload, 0x01);
    expect(Array.from(frame.subarray(5, 7))).toEqual([0x2c, 0x01]);
    expect(parseErFrame(frame)).toEqual({ command: 0x03, packetType: 0x01, sequence: 7, payload: Uint8Array.from(payload) });
  });
});

describe('parseErFrame', () => {
  it('when an answer arrives, then returns command, packet type, sequence and payload', () => {
    expect(parseErFrame(hex(INFO_ANSWER))).toEqual({ command: 0xe1, packetType: 0x01, sequence: 0, payload: bytes('01 02 03') });
  });

  it('when the CRC is wrong, then refuses the frame naming the checksum', () => {
    const error = refusal(() => parseErFrame(hex('A5 E1 1E 01 00 03 00 01 02 03 CF')));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('checksum');
    expect(error.message).toBe('Wellue ER frame: CRC-8 is CF, computed CE');
  });

  it('when the command complement does not match, then refuses the frame naming the command', () => {
    const error = refusal(() => parseErFrame(hex('A5 E1 1F 01 00 03 00 01 02 03 CE')));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('command');
  });

  it('when the header is not A5, then refuses it as out-of-range', () => {
    const error = refusal(() => parseErFrame(hex('A4 E1 1E 01 00 03 00 01 02 03 CE')));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('header');
  });

  it.each([['A5 E1 1E 00 00 00 00'], ['A5'], ['']])('when only "%s" is given, then refuses it as too-short', (text) => {
    expect(refusal(() => parseErFrame(hex(text))).code).toBe('too-short');
  });

  it('when the frame announces more payload than was given, then refuses it as too-short', () => {
    expect(refusal(() => parseErFrame(hex('A5 E1 1E 01 00 03 00 01 02'))).message).toBe(
      'Wellue ER frame: frame announces 11 bytes, only 9 present',
    );
  });

  it('when bytes follow the announced frame, then refuses it as inconsistent', () => {
    expect(refusal(() => parseErFrame(hex(`${INFO_ANSWER} A5`))).field).toBe('length');
  });
});

describe('decodeErRealTime', () => {
  it('when real-time data arrives, then returns heart rate, lead status and samples in mV with invalid ones as null', () => {
    const data = decodeErRealTime(parseErFrame(hex(REAL_TIME)));
    expect(data.heartRate).toBe(72);
    expect(data.leadsOff).toBe(false);
    expect(data.runStatus).toBe(0x02);
    expect(data.sampleRateHz).toBe(125);
    expect(Array.from(data.rawSamples)).toEqual([0, 100, -100, 32767]);
    expect(data.samplesMv).toHaveLength(4);
    expect(data.samplesMv[0]).toBe(0);
    expect(data.samplesMv[1]).toBeCloseTo(0.24672, 5);
    expect(data.samplesMv[2]).toBeCloseTo(-0.24672, 5);
    expect(data.samplesMv[3]).toBeNull();
  });

  it('when the scale is applied, then one count is about 0.0024672 mV', () => {
    expect(ER_MV_PER_COUNT).toBeCloseTo(0.0024672, 7);
  });

  it('when (status & 7) == 7 and the rate is 0, then reports leads off and no heart rate', () => {
    const data = decodeErRealTime(parseErFrame(hex(LEADS_OFF)));
    expect(data.leadsOff).toBe(true);
    expect(data).not.toHaveProperty('heartRate');
    expect(Array.from(data.rawSamples)).toEqual([16, -16]);
  });

  it('when the sample count disagrees with the bytes present, then refuses it as inconsistent', () => {
    const frame = 'A5 03 FC 01 0C 1E 00 48 00 00 64 0A 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00 05 00 00 00 64 00 9C FF FF 7F D6';
    const error = refusal(() => decodeErRealTime(parseErFrame(hex(frame))));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('samples');
  });

  it('when the payload is shorter than the parameters and sample count, then refuses it as too-short', () => {
    const error = refusal(() => decodeErRealTime(parseErFrame(encodeErFrame(0x03, 0, new Array(21).fill(0), 0x01))));
    expect(error.code).toBe('too-short');
  });

  it('when the frame is not a real-time answer (E1), then refuses it naming the command', () => {
    const error = refusal(() => decodeErRealTime(parseErFrame(hex(INFO_ANSWER))));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('command');
  });
});

describe('ErFrameReassembler', () => {
  it('when a real-time answer arrives in 20-byte notifications, then returns it whole after the last one', () => {
    const frame = bytes(REAL_TIME);
    const reassembler = new ErFrameReassembler();
    expect(reassembler.push(frame.subarray(0, 20)).frames).toEqual([]);
    const { frames, rejected } = reassembler.push(frame.subarray(20));
    expect(rejected).toEqual([]);
    expect(frames.map((item) => decodeErRealTime(item).heartRate)).toEqual([72]);
  });

  it('when two answers share a notification after stray bytes, then reports the stray bytes and returns both', () => {
    const { frames, rejected } = new ErFrameReassembler().push(hex(`00 FF ${INFO_ANSWER} ${LEADS_OFF}`));
    expect(frames.map((frame) => frame.command)).toEqual([0xe1, 0x03]);
    expect(rejected.map((error) => error.field)).toEqual(['header']);
  });

  it('when an answer has a bad CRC, then it is refused and the next one is returned', () => {
    const { frames, rejected } = new ErFrameReassembler().push(hex(`A5 E1 1E 01 00 03 00 01 02 03 CF ${LEADS_OFF}`));
    expect(rejected.map((error) => error.field)).toEqual(['checksum']);
    expect(frames.map((frame) => frame.sequence)).toEqual([0x0b]);
  });

  it('when a corrupted length announces more than 4096 bytes, then the header is skipped instead of waited on', () => {
    const { frames } = new ErFrameReassembler().push(hex(`A5 E1 1E 01 00 FF FF ${INFO_ANSWER}`));
    expect(frames.map((frame) => frame.command)).toEqual([0xe1]);
  });
});
