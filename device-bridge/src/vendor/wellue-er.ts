/**
 * Wellue/Viatom ER1 and ER2 single-lead ECG patches over Bluetooth LE.
 *
 *   byte 0    1     2      3       4     5–6        7 … 6+n    7+n
 *   ┌──────┬─────┬──────┬───────┬─────┬──────────┬───────────┬───────┐
 *   │  A5  │ cmd │ ~cmd │ type  │ seq │ len u16  │ payload n │ CRC-8 │
 *   └──────┴─────┴──────┴───────┴─────┴──────────┴───────────┴───────┘
 *   CRC-8: polynomial 0x07, init 0, no reflection, over every byte before it
 *   (A5 included): `A5 03 FC 00 0A 01 00 7D` → BF.
 *   `type` is 00 in requests; the vendor's SDK reads it as the reply status in
 *   responses (01 = done), so it is passed on, not checked.
 *
 * Commands: E1 device information; 03 real-time data, payload `7D`.
 * Real-time ECG: 125 Hz, int16 LE samples, ≈ 0.0024672 mV per count,
 * `FF 7F` (32767) marks an invalid sample; leads are off when (status & 7) == 7.
 *
 * The layout of the real-time payload is not in our reference: it is taken from
 * the vendor's published Android SDK and kept in {@link ER_REAL_TIME_LAYOUT},
 * the one place to correct once checked against a device.
 */
import { MeasurementFormatError } from '../errors';
import { hexByte, toBytes } from './bytes';
import { FrameReassembler, type FramingRules } from './frame-reassembler';

/** 128-bit UUIDs of the ER1/ER2 service (lower case, as Web Bluetooth requires). */
export const WELLUE_ER_UUIDS = {
  service: '14839ac4-7d7e-415c-9a42-167340cf2339',
  write: '8b00ace7-eb0b-49b0-bbe9-9aee0a26e1a3',
  notify: '0734594a-a8e7-4b1a-a6b1-cd5243059a57',
} as const;

/** Command bytes the reference documents. */
export const ER_COMMANDS = {
  info: 0xe1,
  realTime: 0x03,
} as const;

/** Real-time ECG sample rate. */
export const ER_SAMPLE_RATE_HZ = 125;

/** Millivolts per sample count: 1.0035 × 1800 / (4096 × 178.74). */
export const ER_MV_PER_COUNT = (1.0035 * 1800) / (4096 * 178.74);

/** The raw sample value that marks an invalid sample (`FF 7F`). */
export const ER_INVALID_SAMPLE = 0x7fff;

/**
 * Where the real-time response payload keeps its fields. UNCONFIRMED: from the
 * vendor's Android SDK, not from our reference; check on a device.
 *   0–1 heart rate u16 LE · 8 run status (leads off when & 7 == 7) ·
 *   20–21 sample count u16 LE · 22… samples int16 LE
 */
export const ER_REAL_TIME_LAYOUT = {
  heartRateOffset: 0,
  runStatusOffset: 8,
  parameterLength: 20,
  sampleCountOffset: 20,
  samplesOffset: 22,
} as const;

/** One checked ER frame. */
export interface ErFrame {
  command: number;
  /** Byte 3: 00 in requests; in responses the vendor's SDK reads 01 as success. */
  packetType: number;
  sequence: number;
  payload: Uint8Array;
}

/** Decoded real-time data. */
export interface ErRealTimeData {
  /** Beats per minute; absent while the device reports 0 (no rate yet). */
  heartRate?: number;
  leadsOff: boolean;
  /** The raw run status byte. */
  runStatus: number;
  sampleRateHz: number;
  /** Samples in millivolts; `null` where the device marked the sample invalid. */
  samplesMv: (number | null)[];
  /** The samples as sent, in counts of {@link ER_MV_PER_COUNT} mV; 32767 = invalid. */
  rawSamples: Int16Array;
}

const FRAME = 'Wellue ER frame';
const REAL_TIME = 'Wellue ER real-time data';
const HEADER = 0xa5;
const PREFIX_LENGTH = 7;
/** Upper bound on an announced payload, so that a corrupted length cannot hold the stream hostage. */
const MAX_PAYLOAD_LENGTH = 4096;

/** CRC-8 with polynomial 0x07, init 0, no reflection, no final XOR (CRC-8/SMBUS). */
export function crc8Smbus(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

/** Builds a request frame (type 00); `sequence` lets the caller match the answer. */
export function encodeErFrame(command: number, sequence: number, payload: ArrayLike<number> = [], packetType = 0x00): Uint8Array {
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 0xff) {
    throw new TypeError(`encodeErFrame(): sequence must be an integer from 0 to 255, got ${sequence}`);
  }
  const frame = new Uint8Array(PREFIX_LENGTH + payload.length + 1);
  frame.set([HEADER, command, ~command & 0xff, packetType, sequence, payload.length & 0xff, payload.length >> 8], 0);
  frame.set(Array.from(payload), PREFIX_LENGTH);
  frame[frame.length - 1] = crc8Smbus(frame.subarray(0, frame.length - 1));
  return frame;
}

/** Asks for device information (E1). */
export function encodeErInfoRequest(sequence: number): Uint8Array {
  return encodeErFrame(ER_COMMANDS.info, sequence);
}

/** Asks for the next block of real-time data (03, payload 7D), e.g. `A5 03 FC 00 0A 01 00 7D BF`. */
export function encodeErRealTimeRequest(sequence: number): Uint8Array {
  return encodeErFrame(ER_COMMANDS.realTime, sequence, [0x7d]);
}

/** Checks header, command complement, length and CRC of exactly one frame; throws MeasurementFormatError otherwise. */
export function parseErFrame(input: DataView | Uint8Array): ErFrame {
  const bytes = toBytes(input);
  if (bytes.length < PREFIX_LENGTH + 1) {
    throw new MeasurementFormatError({
      code: 'too-short',
      characteristic: FRAME,
      detail: `only ${bytes.length} of at least ${PREFIX_LENGTH + 1} bytes present`,
    });
  }
  if (bytes[0] !== HEADER) {
    throw new MeasurementFormatError({
      code: 'out-of-range',
      characteristic: FRAME,
      field: 'header',
      detail: `header is ${hexByte(bytes[0])}, expected A5`,
    });
  }
  if ((bytes[1] ^ bytes[2]) !== 0xff) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: FRAME,
      field: 'command',
      detail: `command ${hexByte(bytes[1])} and its complement ${hexByte(bytes[2])} disagree`,
    });
  }
  const expected = PREFIX_LENGTH + (bytes[5] | (bytes[6] << 8)) + 1;
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
      detail: `frame announces ${expected} bytes, ${bytes.length} given (more than one frame? use ErFrameReassembler)`,
    });
  }
  const crc = crc8Smbus(bytes.subarray(0, expected - 1));
  if (crc !== bytes[expected - 1]) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: FRAME,
      field: 'checksum',
      detail: `CRC-8 is ${hexByte(bytes[expected - 1])}, computed ${hexByte(crc)}`,
    });
  }
  return { command: bytes[1], packetType: bytes[3], sequence: bytes[4], payload: bytes.slice(PREFIX_LENGTH, expected - 1) };
}

const ER_FRAMING: FramingRules<ErFrame> = {
  name: FRAME,
  measure(buffer) {
    if (buffer[0] !== HEADER) return 'not-a-start';
    if (buffer.length < 3) return 'need-more';
    if ((buffer[1] ^ buffer[2]) !== 0xff) return 'not-a-start';
    if (buffer.length < PREFIX_LENGTH) return 'need-more';
    const payloadLength = buffer[5] | (buffer[6] << 8);
    return payloadLength > MAX_PAYLOAD_LENGTH ? 'not-a-start' : PREFIX_LENGTH + payloadLength + 1;
  },
  parse: parseErFrame,
};

/** Joins ER1/ER2 notifications into checked frames (a real-time frame spans several notifications). */
export class ErFrameReassembler extends FrameReassembler<ErFrame> {
  constructor() {
    super(ER_FRAMING);
  }
}

/** Decodes the payload of a real-time (03) response; throws MeasurementFormatError when it is short or inconsistent. */
export function decodeErRealTime(frame: ErFrame): ErRealTimeData {
  if (frame.command !== ER_COMMANDS.realTime) {
    throw new MeasurementFormatError({
      code: 'out-of-range',
      characteristic: REAL_TIME,
      field: 'command',
      detail: `command ${hexByte(frame.command)} is not real-time data (03)`,
    });
  }
  const layout = ER_REAL_TIME_LAYOUT;
  const { payload } = frame;
  if (payload.length < layout.samplesOffset) {
    throw new MeasurementFormatError({
      code: 'too-short',
      characteristic: REAL_TIME,
      detail: `only ${payload.length} of at least ${layout.samplesOffset} payload bytes present (parameters and sample count)`,
    });
  }
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const count = view.getUint16(layout.sampleCountOffset, true);
  const sampleBytes = payload.length - layout.samplesOffset;
  if (sampleBytes !== count * 2) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: REAL_TIME,
      field: 'samples',
      detail: `${count} samples announced (${count * 2} bytes), ${sampleBytes} bytes present`,
    });
  }
  const rawSamples = new Int16Array(count);
  for (let i = 0; i < count; i++) rawSamples[i] = view.getInt16(layout.samplesOffset + 2 * i, true);
  const runStatus = payload[layout.runStatusOffset];
  const heartRate = view.getUint16(layout.heartRateOffset, true);
  return {
    ...(heartRate > 0 ? { heartRate } : {}),
    leadsOff: (runStatus & 0x07) === 0x07,
    runStatus,
    sampleRateHz: ER_SAMPLE_RATE_HZ,
    samplesMv: Array.from(rawSamples, (raw) => (raw === ER_INVALID_SAMPLE ? null : raw * ER_MV_PER_COUNT)),
    rawSamples,
  };
}
