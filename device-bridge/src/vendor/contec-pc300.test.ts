import { describe, expect, it } from 'vitest';
import { MeasurementFormatError } from '../errors';
import { hex } from '../testing/hex';
import {
  crc8Maxim,
  decodePc300Message,
  encodePc300Frame,
  encodePc300StartNibp,
  encodePc300StopNibp,
  parsePc300Frame,
  Pc300FrameReassembler,
} from './contec-pc300';

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
  const view = hex(text);
  return new Uint8Array(view.buffer);
}

const decode = (text: string) => decodePc300Message(parsePc300Frame(hex(text)));

// Frames whose CRCs were computed apart from the code under test.
const NIBP_RESULT = 'AA 55 43 07 01 00 78 5D 50 46 34';
const SPO2 = 'AA 55 53 07 01 62 48 00 0F 00 25';
const TEMPERATURE = 'AA 55 72 04 01 02 C1 78';

describe('crc8Maxim', () => {
  it('when given the catalogue check string "123456789", then returns A1 (CRC-8/MAXIM-DOW)', () => {
    expect(crc8Maxim(new TextEncoder().encode('123456789'))).toBe(0xa1);
  });
});

describe('PC-300 commands', () => {
  it('when starting a blood pressure measurement, then writes AA 55 40 02 01 29', () => {
    expect(encodePc300StartNibp()).toEqual(bytes('AA 55 40 02 01 29'));
  });

  it('when stopping it, then writes AA 55 40 02 02 CB', () => {
    expect(encodePc300StopNibp()).toEqual(bytes('AA 55 40 02 02 CB'));
  });

  it('when a frame is encoded with a payload, then it parses back to the same token, type and payload', () => {
    const frame = parsePc300Frame(encodePc300Frame(0x53, 0x01, [0x62, 0x48, 0x00, 0x0f, 0x00]));
    expect(frame).toEqual({ token: 0x53, type: 0x01, payload: bytes('62 48 00 0F 00') });
    expect(encodePc300Frame(0x53, 0x01, [0x62, 0x48, 0x00, 0x0f, 0x00])).toEqual(bytes(SPO2));
  });
});

describe('parsePc300Frame', () => {
  it('when the frame is whole and its CRC holds, then returns token, type and payload', () => {
    expect(parsePc300Frame(hex(NIBP_RESULT))).toEqual({ token: 0x43, type: 0x01, payload: bytes('00 78 5D 50 46') });
  });

  it('when the view is a window into a larger buffer, then reads relative to the window', () => {
    const buffer = new Uint8Array([0x00, 0x11, ...bytes(TEMPERATURE), 0x22]);
    expect(parsePc300Frame(new DataView(buffer.buffer, 2, 8)).token).toBe(0x72);
  });

  it('when the CRC byte is wrong, then refuses the frame naming the checksum', () => {
    const error = refusal(() => parsePc300Frame(hex('AA 55 43 07 01 00 78 5D 50 46 35')));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('checksum');
    expect(error.message).toBe('Contec PC-300 frame: CRC-8/MAXIM is 35, computed 34');
  });

  it('when a payload byte was corrupted, then the CRC no longer holds', () => {
    expect(refusal(() => parsePc300Frame(hex('AA 55 43 07 01 00 79 5D 50 46 34'))).field).toBe('checksum');
  });

  it.each([['AA 55 40 02 01'], ['AA'], ['']])('when only "%s" is given, then refuses it as too-short', (text) => {
    expect(refusal(() => parsePc300Frame(hex(text))).code).toBe('too-short');
  });

  it('when the frame announces more bytes than were given, then refuses it as too-short', () => {
    const error = refusal(() => parsePc300Frame(hex('AA 55 43 07 01 00 78 5D')));
    expect(error.code).toBe('too-short');
    expect(error.message).toBe('Contec PC-300 frame: frame announces 11 bytes, only 8 present');
  });

  it('when bytes follow the announced frame, then refuses it as inconsistent', () => {
    const error = refusal(() => parsePc300Frame(hex(`${TEMPERATURE} AA 55`)));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('length');
  });

  it.each([['AB 55 40 02 01 29'], ['AA 56 40 02 01 29'], ['55 AA 40 02 01 29']])(
    'when the header is wrong (%s), then refuses it as out-of-range',
    (text) => {
      const error = refusal(() => parsePc300Frame(hex(text)));
      expect(error.code).toBe('out-of-range');
      expect(error.field).toBe('header');
    },
  );

  it('when the length byte is below 2 (it counts type and CRC), then refuses it as inconsistent', () => {
    expect(refusal(() => parsePc300Frame(hex('AA 55 40 01 01 29'))).field).toBe('length');
  });
});

describe('decodePc300Message', () => {
  it('when a NIBP result arrives, then returns 120/80 mmHg, MAP 93, pulse 70, regular', () => {
    expect(decode(NIBP_RESULT)).toStrictEqual({
      kind: 'nibp-result',
      systolic: 120,
      diastolic: 80,
      meanArterialPressure: 93,
      pulseRate: 70,
      irregularPulse: false,
      unit: 'mm[Hg]',
    });
  });

  it('when bit 15 of the systolic word is set, then flags an irregular pulse and keeps 15 bits of systolic', () => {
    expect(decode('AA 55 43 07 01 80 8C 64 55 58 AD')).toMatchObject({
      systolic: 140,
      meanArterialPressure: 100,
      diastolic: 85,
      pulseRate: 88,
      irregularPulse: true,
    });
  });

  it('when the pressures are out of order (diastolic above systolic), then refuses the result', () => {
    const error = refusal(() => decode('AA 55 43 07 01 00 50 5D 78 46 EF'));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('NIBP result');
  });

  it('when a NIBP error arrives, then returns its code without inventing a meaning', () => {
    expect(decode('AA 55 43 03 02 03 2B')).toStrictEqual({ kind: 'nibp-error', errorCode: 3 });
  });

  it('when a NIBP result is shorter than its five payload bytes, then refuses it as missing-field', () => {
    const error = refusal(() => decode('AA 55 43 04 01 00 78 0E'));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe('NIBP result');
  });

  it('when the live cuff pressure arrives, then reads 12 bits big-endian and ignores the top nibble', () => {
    expect(decode('AA 55 42 04 01 F0 A0 CF')).toStrictEqual({ kind: 'cuff-pressure', cuffPressure: 160, unit: 'mm[Hg]' });
  });

  it('when SpO2 parameters arrive, then returns 98 %, 72 bpm, PI 1.5 %', () => {
    expect(decode(SPO2)).toStrictEqual({ kind: 'spo2', spo2Percent: 98, pulseRate: 72, perfusionIndexPercent: 1.5 });
  });

  it('when the probe-off bit is set, then returns no values', () => {
    expect(decode('AA 55 53 07 01 00 00 00 00 02 EF')).toStrictEqual({ kind: 'spo2-unavailable', reason: 'probe-off' });
  });

  it('when SpO2 and pulse are still 0 with the probe on, then returns no values', () => {
    expect(decode('AA 55 53 07 01 00 00 00 00 00 53')).toStrictEqual({ kind: 'spo2-unavailable', reason: 'no-reading' });
  });

  it('when SpO2 is above 100 %, then refuses it as out-of-range', () => {
    const error = refusal(() => decode('AA 55 53 07 01 7F 48 00 0F 00 B5'));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('SpO2');
  });

  it('when a temperature arrives, then returns 30.00 + 705 / 100 = 37.05 °C', () => {
    expect(decode(TEMPERATURE)).toStrictEqual({ kind: 'temperature', celsius: 37.05 });
  });

  it('when a glucose frame arrives, then keeps its payload raw (layout not in the reference)', () => {
    expect(decode('AA 55 73 05 01 01 02 03 27')).toStrictEqual({
      kind: 'glucose-undecoded',
      type: 0x01,
      payload: bytes('01 02 03'),
    });
  });

  it('when the device echoes a BP command, then returns it', () => {
    expect(decode('AA 55 40 02 01 29')).toStrictEqual({ kind: 'nibp-command', command: 'start' });
    expect(decode('AA 55 40 02 02 CB')).toStrictEqual({ kind: 'nibp-command', command: 'stop' });
  });

  it('when the token is unknown (52, waveform), then refuses it naming the token', () => {
    const error = refusal(() => decode('AA 55 52 04 01 10 20 4A'));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('token');
    expect(error.message).toBe('Contec PC-300 frame: token 52 is not one this decoder knows (40, 42, 43, 53, 72, 73)');
  });

  it.each([
    ['43 type 05', 'AA 55 43 02 05 AC'],
    ['40 type 03', 'AA 55 40 02 03 95'],
  ])('when the type is not defined for the token (%s), then refuses it naming the type', (_, text) => {
    const error = refusal(() => decode(text));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('type');
  });
});

describe('Pc300FrameReassembler', () => {
  it('when a frame is split across three notifications, then returns it once the last part arrives', () => {
    const reassembler = new Pc300FrameReassembler();
    expect(reassembler.push(hex('AA 55 43'))).toEqual({ frames: [], rejected: [] });
    expect(reassembler.push(hex('07 01 00 78'))).toEqual({ frames: [], rejected: [] });
    expect(reassembler.pendingByteCount).toBe(7);
    const { frames, rejected } = reassembler.push(hex('5D 50 46 34'));
    expect(rejected).toEqual([]);
    expect(frames.map(decodePc300Message)).toMatchObject([{ kind: 'nibp-result', systolic: 120 }]);
    expect(reassembler.pendingByteCount).toBe(0);
  });

  it('when two frames and the start of a third share a notification, then returns two and keeps the rest', () => {
    const reassembler = new Pc300FrameReassembler();
    const first = reassembler.push(hex(`${SPO2} ${TEMPERATURE} AA 55 42`));
    expect(first.frames.map((frame) => frame.token)).toEqual([0x53, 0x72]);
    const second = reassembler.push(hex('04 01 F0 A0 CF'));
    expect(second.frames.map(decodePc300Message)).toEqual([{ kind: 'cuff-pressure', cuffPressure: 160, unit: 'mm[Hg]' }]);
  });

  it('when stray bytes precede a frame, then reports them once and still returns the frame', () => {
    const { frames, rejected } = new Pc300FrameReassembler().push(hex(`00 13 55 ${TEMPERATURE}`));
    expect(frames).toHaveLength(1);
    expect(rejected.map((error) => error.message)).toEqual(['Contec PC-300 frame: 3 byte(s) outside any frame discarded']);
  });

  it('when a frame has a bad CRC and a good frame follows, then refuses the first and returns the second', () => {
    const { frames, rejected } = new Pc300FrameReassembler().push(hex(`AA 55 72 04 01 02 C1 79 ${SPO2}`));
    expect(rejected.map((error) => error.field)).toEqual(['checksum']);
    expect(frames.map((frame) => frame.token)).toEqual([0x53]);
  });

  it('when the end of a frame was lost, then the next whole frame is still recovered', () => {
    const reassembler = new Pc300FrameReassembler();
    reassembler.push(hex('AA 55 43 07 01 00'));
    const { frames, rejected } = reassembler.push(hex(`${SPO2} ${TEMPERATURE}`));
    expect(rejected).toHaveLength(1);
    expect(frames.map((frame) => frame.token)).toEqual([0x53, 0x72]);
  });

  it('when flushed in the middle of a frame, then refuses the partial frame as too-short and empties the buffer', () => {
    const reassembler = new Pc300FrameReassembler();
    reassembler.push(hex('AA 55 43 07'));
    const { frames, rejected } = reassembler.flush();
    expect(frames).toEqual([]);
    expect(rejected.map((error) => error.code)).toEqual(['too-short']);
    expect(reassembler.pendingByteCount).toBe(0);
  });

  it('when reset after a reconnection, then the partial frame is forgotten', () => {
    const reassembler = new Pc300FrameReassembler();
    reassembler.push(hex('AA 55 43 07 01'));
    reassembler.reset();
    expect(reassembler.push(hex(TEMPERATURE)).frames).toHaveLength(1);
  });
});
