/**
 * Contec PC-300 multiparameter monitor (NIBP, SpO2, temperature, glucose, ECG)
 * over Bluetooth LE: service 0xFFF0, commands written to 0xFFF2, frames
 * notified on 0xFFF1.
 *
 *   byte 0    1     2       3            4      5 … 4+n        5+n
 *   ┌──────┬──────┬───────┬────────────┬──────┬──────────────┬────────────┐
 *   │  AA  │  55  │ token │ len = n+2  │ type │ payload (n)  │ CRC-8/MAXIM│
 *   └──────┴──────┴───────┴────────────┴──────┴──────────────┴────────────┘
 *   len counts type, payload and CRC; the whole frame is len + 4 bytes.
 *   CRC-8/MAXIM (Dallas 1-Wire: reflected poly 0x31, init 0) over every byte
 *   before it, from AA on: `AA 55 40 02 01` → 0x29 (start NIBP).
 *
 * Tokens and payloads, from the reference:
 *   40 BP command        type 01 start, 02 stop (no payload)
 *   42 live cuff press.  payload 0–1: cuff pressure, 12 bits big-endian (top nibble not used)
 *   43 BP result         type 01: 0–1 systolic 15 bits BE, bit 15 = irregular pulse;
 *                                 2 MAP · 3 diastolic · 4 pulse rate (u8 each)
 *                        type 02: 0 error code
 *   53 SpO2 parameters   0 SpO2 % · 1–2 pulse rate u16 LE · 3 PI ×10 · 4 status, bit 1 probe off
 *   72 temperature       0–1 BE16: °C = 30.00 + value / 100
 *   73 glucose           named by the reference, layout not given (see below)
 *
 * Not in the reference, hence kept apart and documented where they are used:
 *   - the byte widths of MAP, diastolic and pulse (one byte each) and the SpO2
 *     status byte position follow the order the reference lists the fields in,
 *     as public PC-300 client code reads them;
 *   - the reference gives no `type` for tokens 42, 53 and 72: any type is accepted;
 *   - NIBP error codes are passed on as numbers: their meanings are not in the reference;
 *   - glucose (73) is recognised but not decoded: its payload is handed over raw;
 *   - the SpO2 waveform and ECG tokens are not in the reference and are refused
 *     as unknown tokens.
 */
import { MeasurementFormatError } from '../errors';
import { hexByte, roundTo, toBytes } from './bytes';
import { FrameReassembler, type FramingRules } from './frame-reassembler';

/** 16-bit UUIDs of the PC-300 service and its two characteristics. */
export const CONTEC_PC300_UUIDS = {
  service: 0xfff0,
  write: 0xfff2,
  notify: 0xfff1,
} as const;

/** Frame tokens (third byte) the reference documents. */
export const PC300_TOKENS = {
  bpCommand: 0x40,
  cuffPressure: 0x42,
  bpResult: 0x43,
  spo2: 0x53,
  temperature: 0x72,
  glucose: 0x73,
} as const;

/** One checked PC-300 frame: its token, its type byte and the payload between type and CRC. */
export interface Pc300Frame {
  token: number;
  type: number;
  payload: Uint8Array;
}

/** A decoded PC-300 message. */
export type Pc300Message =
  | { kind: 'nibp-command'; command: 'start' | 'stop' }
  | { kind: 'cuff-pressure'; cuffPressure: number; unit: 'mm[Hg]' }
  | {
      kind: 'nibp-result';
      systolic: number;
      diastolic: number;
      meanArterialPressure: number;
      pulseRate: number;
      irregularPulse: boolean;
      unit: 'mm[Hg]';
    }
  | {
      kind: 'nibp-error';
      /** The device's error code, unexplained: the reference does not list the meanings. */
      errorCode: number;
    }
  | { kind: 'spo2'; spo2Percent: number; pulseRate: number; perfusionIndexPercent: number }
  | {
      kind: 'spo2-unavailable';
      /** `probe-off`: status bit 1; `no-reading`: the probe is on but SpO2 or pulse is still 0. */
      reason: 'probe-off' | 'no-reading';
    }
  | { kind: 'temperature'; celsius: number }
  | {
      kind: 'glucose-undecoded';
      /** The reference names token 73 but not its layout: kept raw for storage, never shown as a value. */
      type: number;
      payload: Uint8Array;
    };

const FRAME = 'Contec PC-300 frame';
const HEADER = [0xaa, 0x55] as const;
/** Header, token and length bytes, before `type`. */
const PREFIX_LENGTH = 4;
/** A frame with no payload: header, token, len, type, CRC. */
const MIN_FRAME_LENGTH = PREFIX_LENGTH + 2;

/** CRC-8/MAXIM (Dallas/Maxim 1-Wire): reflected polynomial 0x31 (0x8C), init 0, no final XOR. */
export function crc8Maxim(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x8c : crc >>> 1;
  }
  return crc;
}

/** Builds a frame (header, token, length, type, payload, CRC): commands, and frames for tests and emulation. */
export function encodePc300Frame(token: number, type: number, payload: ArrayLike<number> = []): Uint8Array {
  if (payload.length > 0xff - 2) throw new RangeError(`encodePc300Frame(): payload of ${payload.length} bytes exceeds 253`);
  const frame = new Uint8Array(MIN_FRAME_LENGTH + payload.length);
  frame.set([...HEADER, token, payload.length + 2, type], 0);
  frame.set(Array.from(payload), PREFIX_LENGTH + 1);
  frame[frame.length - 1] = crc8Maxim(frame.subarray(0, frame.length - 1));
  return frame;
}

/** Start a blood pressure measurement: `AA 55 40 02 01 29`. */
export function encodePc300StartNibp(): Uint8Array {
  return encodePc300Frame(PC300_TOKENS.bpCommand, 0x01);
}

/** Stop (deflate) a blood pressure measurement: `AA 55 40 02 02 CB`. */
export function encodePc300StopNibp(): Uint8Array {
  return encodePc300Frame(PC300_TOKENS.bpCommand, 0x02);
}

/** Checks header, length and CRC of exactly one frame; throws MeasurementFormatError otherwise. */
export function parsePc300Frame(input: DataView | Uint8Array): Pc300Frame {
  const bytes = toBytes(input);
  if (bytes.length < MIN_FRAME_LENGTH) {
    throw new MeasurementFormatError({
      code: 'too-short',
      characteristic: FRAME,
      detail: `only ${bytes.length} of at least ${MIN_FRAME_LENGTH} bytes present`,
    });
  }
  if (bytes[0] !== HEADER[0] || bytes[1] !== HEADER[1]) {
    throw new MeasurementFormatError({
      code: 'out-of-range',
      characteristic: FRAME,
      field: 'header',
      detail: `header is ${hexByte(bytes[0])} ${hexByte(bytes[1])}, expected AA 55`,
    });
  }
  const declared = bytes[3];
  if (declared < 2) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: FRAME,
      field: 'length',
      detail: `length byte is ${declared}, but it counts at least the type and CRC bytes (2)`,
    });
  }
  const expected = declared + PREFIX_LENGTH;
  if (bytes.length < expected) {
    throw new MeasurementFormatError({
      code: 'too-short',
      characteristic: FRAME,
      detail: `frame announces ${expected} bytes, only ${bytes.length} present`,
    });
  }
  if (bytes.length > expected) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: FRAME,
      field: 'length',
      detail: `frame announces ${expected} bytes, ${bytes.length} given (more than one frame? use Pc300FrameReassembler)`,
    });
  }
  const crc = crc8Maxim(bytes.subarray(0, expected - 1));
  if (crc !== bytes[expected - 1]) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: FRAME,
      field: 'checksum',
      detail: `CRC-8/MAXIM is ${hexByte(bytes[expected - 1])}, computed ${hexByte(crc)}`,
    });
  }
  return { token: bytes[2], type: bytes[4], payload: bytes.slice(PREFIX_LENGTH + 1, expected - 1) };
}

const PC300_FRAMING: FramingRules<Pc300Frame> = {
  name: FRAME,
  measure(buffer) {
    if (buffer[0] !== HEADER[0]) return 'not-a-start';
    if (buffer.length < 2) return 'need-more';
    if (buffer[1] !== HEADER[1]) return 'not-a-start';
    if (buffer.length < PREFIX_LENGTH) return 'need-more';
    return buffer[3] < 2 ? 'not-a-start' : buffer[3] + PREFIX_LENGTH;
  },
  parse: parsePc300Frame,
};

/** Joins PC-300 notifications into checked frames (a frame may span notifications, or share one). */
export class Pc300FrameReassembler extends FrameReassembler<Pc300Frame> {
  constructor() {
    super(PC300_FRAMING);
  }
}

/** Decodes a checked frame into a typed message; throws MeasurementFormatError for unknown tokens or types and bad values. */
export function decodePc300Message(frame: Pc300Frame): Pc300Message {
  const { token, type, payload } = frame;
  switch (token) {
    case PC300_TOKENS.bpCommand:
      if (type === 0x01) return { kind: 'nibp-command', command: 'start' };
      if (type === 0x02) return { kind: 'nibp-command', command: 'stop' };
      throw unknownType(token, type);
    case PC300_TOKENS.cuffPressure:
      requirePayload(payload, 2, 'cuff pressure');
      return { kind: 'cuff-pressure', cuffPressure: ((payload[0] & 0x0f) << 8) | payload[1], unit: 'mm[Hg]' };
    case PC300_TOKENS.bpResult:
      if (type === 0x01) return decodeNibpResult(payload);
      if (type === 0x02) {
        requirePayload(payload, 1, 'NIBP error code');
        return { kind: 'nibp-error', errorCode: payload[0] };
      }
      throw unknownType(token, type);
    case PC300_TOKENS.spo2:
      return decodeSpo2(payload);
    case PC300_TOKENS.temperature:
      requirePayload(payload, 2, 'temperature');
      return { kind: 'temperature', celsius: roundTo(30 + ((payload[0] << 8) | payload[1]) / 100, 2) };
    case PC300_TOKENS.glucose:
      return { kind: 'glucose-undecoded', type, payload: payload.slice() };
    default:
      throw new MeasurementFormatError({
        code: 'out-of-range',
        characteristic: FRAME,
        field: 'token',
        detail: `token ${hexByte(token)} is not one this decoder knows (40, 42, 43, 53, 72, 73)`,
      });
  }
}

function decodeNibpResult(payload: Uint8Array): Pc300Message {
  requirePayload(payload, 5, 'NIBP result');
  const systolicWord = (payload[0] << 8) | payload[1];
  const systolic = systolicWord & 0x7fff;
  const meanArterialPressure = payload[2];
  const diastolic = payload[3];
  // A result whose pressures are out of order was not measured; it must not be stored as one.
  if (!(diastolic > 0 && diastolic <= meanArterialPressure && meanArterialPressure <= systolic)) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: FRAME,
      field: 'NIBP result',
      detail: `pressures out of order: systolic ${systolic}, MAP ${meanArterialPressure}, diastolic ${diastolic} mmHg`,
    });
  }
  return {
    kind: 'nibp-result',
    systolic,
    diastolic,
    meanArterialPressure,
    pulseRate: payload[4],
    irregularPulse: (systolicWord & 0x8000) !== 0,
    unit: 'mm[Hg]',
  };
}

function decodeSpo2(payload: Uint8Array): Pc300Message {
  requirePayload(payload, 5, 'SpO2 parameters');
  if (payload[4] & 0x02) return { kind: 'spo2-unavailable', reason: 'probe-off' };
  const spo2Percent = payload[0];
  const pulseRate = payload[1] | (payload[2] << 8);
  if (spo2Percent === 0 || pulseRate === 0) return { kind: 'spo2-unavailable', reason: 'no-reading' };
  if (spo2Percent > 100) {
    throw new MeasurementFormatError({
      code: 'out-of-range',
      characteristic: FRAME,
      field: 'SpO2',
      detail: `SpO2 is ${spo2Percent} %, above 100`,
    });
  }
  return { kind: 'spo2', spo2Percent, pulseRate, perfusionIndexPercent: payload[3] / 10 };
}

function requirePayload(payload: Uint8Array, length: number, field: string): void {
  if (payload.length < length) {
    throw new MeasurementFormatError({
      code: 'missing-field',
      characteristic: FRAME,
      field,
      detail: `${field} needs ${length} payload bytes, only ${payload.length} present`,
    });
  }
}

function unknownType(token: number, type: number): MeasurementFormatError {
  return new MeasurementFormatError({
    code: 'out-of-range',
    characteristic: FRAME,
    field: 'type',
    detail: `type ${hexByte(type)} is not defined for token ${hexByte(token)}`,
  });
}
