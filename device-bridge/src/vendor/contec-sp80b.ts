/**
 * Contec SP80B spirometer family over Bluetooth LE: service 0xFF12, write 0xFF01,
 * notify 0xFF02.
 *
 * 7-bit encoding: a header byte has bit 7 set, every other byte has it clear,
 * so a frame runs from its header to the byte before the next header.
 *
 *   ┌────────┬────────┬────────┬─────┬────────┬────────┬──────────┐
 *   │ header │ lo7 v0 │ hi7 v0 │  …  │ lo7 vn │ hi7 vn │ checksum │
 *   └────────┴────────┴────────┴─────┴────────┴────────┴──────────┘
 *    E0 record count · E1 record · E2 wave · E4 predicted
 *    value = lo7 | hi7 << 7 (14 bits) · checksum = Σ preceding bytes & 0x7F
 *
 * Record values are /100 in L or L/s, in this order: FVC, FEV0.5, FEV1,
 * FEV1/FVC (/10 → %), FEV3, FEV6, PEF, FEF25, FEF50, FEF75, FEF25–75, PEF time.
 *
 * UNCONFIRMED, and kept in {@link SP80B_ASSUMED_LAYOUT}: the reference gives the
 * encoding and the list of values, not the frame layout. Assumed here: the
 * checksum is the frame's last byte and sums every byte before it, header
 * included; a record (E1) is exactly the twelve values in the order listed,
 * with nothing else (no index or date); the record count (E0) is one value.
 * A device that sends more is refused rather than misread. The wave (E2) and
 * predicted (E4) frames are decoded to their raw 14-bit values only, since what
 * the values mean is not in the reference; no command is encoded for the same
 * reason.
 */
import { MeasurementFormatError } from '../errors';
import { hexByte, roundTo, toBytes } from './bytes';
import { FrameReassembler, type FramingRules } from './frame-reassembler';
import { validateSpirometryResult, type SpirometryResult } from './spirometry';

/** 16-bit UUIDs of the SP80B service and its two characteristics. */
export const CONTEC_SP80B_UUIDS = {
  service: 0xff12,
  write: 0xff01,
  notify: 0xff02,
} as const;

/** Frame header bytes. */
export const SP80B_HEADERS = {
  recordCount: 0xe0,
  record: 0xe1,
  wave: 0xe2,
  predicted: 0xe4,
} as const;

/** What is assumed about the frames beyond the reference (see the file comment); correct it here once checked on a device. */
export const SP80B_ASSUMED_LAYOUT = {
  recordFields: [
    'fvc',
    'fev05',
    'fev1',
    'fev1FvcRatio',
    'fev3',
    'fev6',
    'pef',
    'fef25',
    'fef50',
    'fef75',
    'fef2575',
    'pefTime',
  ] as const,
  recordCountValues: 1,
} as const;

/** One checked SP80B frame: its header byte and its 14-bit values. */
export interface Sp80bFrame {
  header: number;
  values: number[];
}

/** A decoded SP80B message. */
export type Sp80bMessage =
  | { kind: 'record-count'; count: number }
  | {
      kind: 'record';
      result: SpirometryResult;
      /** PEF time as sent (/100 gives the number the device shows; its unit is not in the reference). */
      pefTimeRaw: number;
    }
  | { kind: 'wave'; values: number[] }
  | { kind: 'predicted'; values: number[] };

const FRAME = 'Contec SP80B frame';
const MAX_VALUE = 0x3fff;

/** Checksum of the 7-bit protocol: sum of the bytes, low 7 bits. */
export function sp80bChecksum(bytes: Uint8Array): number {
  let sum = 0;
  for (const byte of bytes) sum += byte;
  return sum & 0x7f;
}

/** Builds a frame from a header and 14-bit values (for tests and emulation). */
export function encodeSp80bFrame(header: number, values: readonly number[]): Uint8Array {
  if (header < 0x80 || header > 0xff) throw new RangeError(`encodeSp80bFrame(): header ${header} must have bit 7 set`);
  const frame = new Uint8Array(2 + 2 * values.length);
  frame[0] = header;
  values.forEach((value, i) => {
    if (!Number.isInteger(value) || value < 0 || value > MAX_VALUE) {
      throw new RangeError(`encodeSp80bFrame(): value ${value} is not a 14-bit unsigned integer`);
    }
    frame[1 + 2 * i] = value & 0x7f;
    frame[2 + 2 * i] = value >> 7;
  });
  frame[frame.length - 1] = sp80bChecksum(frame.subarray(0, frame.length - 1));
  return frame;
}

/** Checks header, 7-bit data bytes and checksum of exactly one frame; throws MeasurementFormatError otherwise. */
export function parseSp80bFrame(input: DataView | Uint8Array): Sp80bFrame {
  const bytes = toBytes(input);
  if (bytes.length < 2) {
    throw new MeasurementFormatError({
      code: 'too-short',
      characteristic: FRAME,
      detail: `only ${bytes.length} of at least 2 bytes present (header and checksum)`,
    });
  }
  if ((bytes[0] & 0x80) === 0) {
    throw new MeasurementFormatError({
      code: 'out-of-range',
      characteristic: FRAME,
      field: 'header',
      detail: `first byte ${hexByte(bytes[0])} is not a header (bit 7 clear)`,
    });
  }
  const stray = bytes.subarray(1).findIndex((byte) => (byte & 0x80) !== 0);
  if (stray >= 0) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: FRAME,
      field: 'data',
      detail: `byte ${stray + 1} (${hexByte(bytes[stray + 1])}) has bit 7 set inside a frame`,
    });
  }
  const dataLength = bytes.length - 2;
  if (dataLength % 2 !== 0) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: FRAME,
      field: 'data',
      detail: `${dataLength} data bytes are not a whole number of 2-byte values`,
    });
  }
  const checksum = sp80bChecksum(bytes.subarray(0, bytes.length - 1));
  if (checksum !== bytes[bytes.length - 1]) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: FRAME,
      field: 'checksum',
      detail: `checksum is ${hexByte(bytes[bytes.length - 1])}, computed ${hexByte(checksum)}`,
    });
  }
  const values: number[] = [];
  for (let at = 1; at < bytes.length - 1; at += 2) values.push(bytes[at] | (bytes[at + 1] << 7));
  return { header: bytes[0], values };
}

// Frame lengths the assumed layout gives, so a frame can end without waiting for the next header.
const KNOWN_LENGTHS: ReadonlyMap<number, number> = new Map([
  [SP80B_HEADERS.recordCount, 2 + 2 * SP80B_ASSUMED_LAYOUT.recordCountValues],
  [SP80B_HEADERS.record, 2 + 2 * SP80B_ASSUMED_LAYOUT.recordFields.length],
]);

const SP80B_FRAMING: FramingRules<Sp80bFrame> = {
  name: FRAME,
  measure(buffer, atEnd) {
    if ((buffer[0] & 0x80) === 0) return 'not-a-start';
    const next = buffer.subarray(1).findIndex((byte) => (byte & 0x80) !== 0);
    if (next >= 0) return next + 1;
    return KNOWN_LENGTHS.get(buffer[0]) ?? (atEnd ? buffer.length : 'need-more');
  },
  parse: parseSp80bFrame,
};

/**
 * Joins SP80B notifications into checked frames. A wave or predicted frame ends
 * only when the next header arrives: call `flush()` when the transfer is over.
 */
export class Sp80bFrameReassembler extends FrameReassembler<Sp80bFrame> {
  constructor() {
    super(SP80B_FRAMING);
  }
}

/** Decodes a checked frame; a record becomes one validated SpirometryResult. Throws MeasurementFormatError otherwise. */
export function decodeSp80bMessage(frame: Sp80bFrame): Sp80bMessage {
  switch (frame.header) {
    case SP80B_HEADERS.recordCount:
      requireValueCount(frame, SP80B_ASSUMED_LAYOUT.recordCountValues, 'record count');
      return { kind: 'record-count', count: frame.values[0] };
    case SP80B_HEADERS.record:
      return decodeRecord(frame);
    case SP80B_HEADERS.wave:
      return { kind: 'wave', values: [...frame.values] };
    case SP80B_HEADERS.predicted:
      return { kind: 'predicted', values: [...frame.values] };
    default:
      throw new MeasurementFormatError({
        code: 'out-of-range',
        characteristic: FRAME,
        field: 'header',
        detail: `header ${hexByte(frame.header)} is not one this decoder knows (E0, E1, E2, E4)`,
      });
  }
}

type RecordField = (typeof SP80B_ASSUMED_LAYOUT.recordFields)[number];

function decodeRecord(frame: Sp80bFrame): Sp80bMessage {
  const fields = SP80B_ASSUMED_LAYOUT.recordFields;
  requireValueCount(frame, fields.length, 'record');
  const raw = Object.fromEntries(fields.map((name, i) => [name, frame.values[i]])) as Record<RecordField, number>;
  const hundredths = (name: RecordField): number => roundTo(raw[name] / 100, 2);
  // FEV0.5, FEV3, FEV6 and FEF50 are 0 when the blow did not last that long or the device does not compute them.
  const optional = (name: RecordField): number | undefined => (raw[name] === 0 ? undefined : hundredths(name));
  const result: SpirometryResult = {
    fvcL: hundredths('fvc'),
    fev1L: hundredths('fev1'),
    fev1FvcPercent: roundTo(raw.fev1FvcRatio / 10, 1),
    pefLps: hundredths('pef'),
    fef25Lps: hundredths('fef25'),
    fef2575Lps: hundredths('fef2575'),
    fef75Lps: hundredths('fef75'),
  };
  const fef50Lps = optional('fef50');
  const fev05L = optional('fev05');
  const fev3L = optional('fev3');
  const fev6L = optional('fev6');
  if (fef50Lps !== undefined) result.fef50Lps = fef50Lps;
  if (fev05L !== undefined) result.fev05L = fev05L;
  if (fev3L !== undefined) result.fev3L = fev3L;
  if (fev6L !== undefined) result.fev6L = fev6L;
  return { kind: 'record', result: validateSpirometryResult(result), pefTimeRaw: raw.pefTime };
}

function requireValueCount(frame: Sp80bFrame, count: number, field: string): void {
  if (frame.values.length !== count) {
    throw new MeasurementFormatError({
      code: frame.values.length < count ? 'too-short' : 'inconsistent',
      characteristic: FRAME,
      field,
      detail: `${field} frame holds ${frame.values.length} values, expected ${count}`,
    });
  }
}
