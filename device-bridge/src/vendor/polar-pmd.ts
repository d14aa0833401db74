/**
 * Polar Measurement Data (PMD) service, ECG stream of the Polar H10 chest strap.
 * Sources: Polar's official open-source BLE SDK and its PMD specification.
 *
 * Control point (…5C81, read/write; subscribe to it before writing), requests:
 *   get settings  `01 type`                       → `01 00` for ECG
 *   start         `02 type [setting, count, value u16 LE]…`
 *                 ECG 130 Hz, 14 bit: `02 00 | 00 01 82 00 | 01 01 0E 00`
 *                                              sample rate    resolution
 *   stop          `03 type`                       → `03 00`. Always send it: the
 *                 strap otherwise streams until its battery is flat.
 *
 * Control point response (indicated):
 *   ┌────┬────┬──────┬────────┬──────┬───────────────────────────────┐
 *   │ F0 │ op │ type │ status │ more │ settings (type, count, values)│
 *   └────┴────┴──────┴────────┴──────┴───────────────────────────────┘
 *   `more` and settings only follow a success. Setting value widths: sample rate,
 *   resolution, range u16; range in milli-units u32; channels u8; factor float32.
 *
 * Data (…5C82, notify):
 *   ┌──────┬──────────────────────────┬────────────┬──────────────────────┐
 *   │ type │ time stamp u64 LE        │ frame type │ samples              │
 *   └──────┴──────────────────────────┴────────────┴──────────────────────┘
 *    00=ECG  ns since 2000-01-01 UTC    bit 7 delta   frame type 0: int24 LE µV each
 *
 * Polar's SDK takes the time stamp as that of the frame's last sample.
 * Delta-compressed frames (bit 7) are not sent by the H10 for ECG and are refused.
 */
import { MeasurementFormatError } from '../errors';
import { hexByte, toBytes } from './bytes';

/** 128-bit UUIDs of the PMD service (lower case, as Web Bluetooth requires). */
export const POLAR_PMD_UUIDS = {
  service: 'fb005c80-02e7-f387-1cad-8acd2d8df0c8',
  controlPoint: 'fb005c81-02e7-f387-1cad-8acd2d8df0c8',
  data: 'fb005c82-02e7-f387-1cad-8acd2d8df0c8',
} as const;

/** PMD measurement type of the ECG stream. */
export const PMD_MEASUREMENT_ECG = 0x00;

/** Control point operation codes. */
export const PMD_OP_CODES = {
  getSettings: 0x01,
  start: 0x02,
  stop: 0x03,
} as const;

/** Control point status codes (Polar SDK), in code order: index = code. */
export const PMD_STATUSES = [
  'success',
  'invalid-op-code',
  'invalid-measurement-type',
  'not-supported',
  'invalid-length',
  'invalid-parameter',
  'already-in-state',
  'invalid-resolution',
  'invalid-sample-rate',
  'invalid-range',
  'invalid-mtu',
  'invalid-number-of-channels',
  'invalid-state',
  'device-in-charger',
  'disk-full',
] as const;

/** A control point status by name; `unknown` for a code past the list. */
export type PmdStatus = (typeof PMD_STATUSES)[number] | 'unknown';

/** Stream settings as lists of the values the device offers (get settings) or applied (start). */
export interface PmdSettings {
  sampleRatesHz?: number[];
  resolutionsBits?: number[];
  ranges?: number[];
  rangesMilliUnit?: number[];
  channels?: number[];
  factors?: number[];
}

/** A parsed control point response. A refused request is a valid response: check `status`. */
export interface PmdControlPointResponse {
  opCode: number;
  measurementType: number;
  status: PmdStatus;
  statusCode: number;
  /** The device will send the rest of the settings in a further response. */
  more: boolean;
  settings: PmdSettings;
}

/** One ECG data frame. */
export interface PmdEcgFrame {
  /** Nanoseconds since 2000-01-01T00:00:00Z, as sent (u64). */
  timestampNs: bigint;
  /** Samples in microvolts, oldest first. */
  samplesUv: Int32Array;
}

/** ECG stream settings; the H10 offers 130 Hz and 14 bits. */
export interface PmdEcgStartSettings {
  sampleRateHz: number;
  resolutionBits: number;
}

const RESPONSE = 'Polar PMD control point response';
const DATA = 'Polar PMD ECG data';
const RESPONSE_CODE = 0xf0;
const DATA_HEADER_LENGTH = 10;
const SAMPLE_LENGTH = 3;
/** Milliseconds from the Unix epoch to 2000-01-01T00:00:00Z, the PMD epoch. */
const PMD_EPOCH_MS = 946_684_800_000;

// Setting type → where its values go and how wide each one is.
const SETTING_FIELDS: ReadonlyMap<number, { key: keyof PmdSettings; width: 1 | 2 | 4; float?: true }> = new Map([
  [0x00, { key: 'sampleRatesHz', width: 2 }],
  [0x01, { key: 'resolutionsBits', width: 2 }],
  [0x02, { key: 'ranges', width: 2 }],
  [0x03, { key: 'rangesMilliUnit', width: 4 }],
  [0x04, { key: 'channels', width: 1 }],
  [0x05, { key: 'factors', width: 4, float: true }],
] as const);

/** Asks which settings the device offers for a measurement type: `01 00` for ECG. */
export function encodePmdGetSettings(measurementType: number = PMD_MEASUREMENT_ECG): Uint8Array {
  return Uint8Array.of(PMD_OP_CODES.getSettings, measurementType);
}

/** Starts the ECG stream: `02 00 00 01 82 00 01 01 0E 00` for the default 130 Hz, 14 bits. */
export function encodePmdStartEcg(settings: PmdEcgStartSettings = { sampleRateHz: 130, resolutionBits: 14 }): Uint8Array {
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value < 1 || value > 0xffff) {
      throw new TypeError(`encodePmdStartEcg(): ${name} must be an integer from 1 to 65535, got ${value}`);
    }
  }
  const request = new Uint8Array(10);
  const view = new DataView(request.buffer);
  request.set([PMD_OP_CODES.start, PMD_MEASUREMENT_ECG, 0x00, 0x01], 0);
  view.setUint16(4, settings.sampleRateHz, true);
  request.set([0x01, 0x01], 6);
  view.setUint16(8, settings.resolutionBits, true);
  return request;
}

/** Stops a stream: `03 00` for ECG. */
export function encodePmdStop(measurementType: number = PMD_MEASUREMENT_ECG): Uint8Array {
  return Uint8Array.of(PMD_OP_CODES.stop, measurementType);
}

/** Parses a control point response; throws MeasurementFormatError if it is not one or its settings are malformed. */
export function parsePmdControlPointResponse(input: DataView | Uint8Array): PmdControlPointResponse {
  const bytes = toBytes(input);
  if (bytes.length < 4) {
    throw new MeasurementFormatError({
      code: 'too-short',
      characteristic: RESPONSE,
      detail: `only ${bytes.length} of 4 mandatory bytes present (F0, op code, type, status)`,
    });
  }
  if (bytes[0] !== RESPONSE_CODE) {
    throw new MeasurementFormatError({
      code: 'out-of-range',
      characteristic: RESPONSE,
      field: 'response code',
      detail: `first byte is ${hexByte(bytes[0])}, expected F0`,
    });
  }
  const statusCode = bytes[3];
  const status: PmdStatus = PMD_STATUSES[statusCode] ?? 'unknown';
  const success = statusCode === 0;
  return {
    opCode: bytes[1],
    measurementType: bytes[2],
    status,
    statusCode,
    more: success && bytes.length > 4 && bytes[4] !== 0,
    settings: success && bytes.length > 5 ? parseSettings(bytes.subarray(5)) : {},
  };
}

function parseSettings(bytes: Uint8Array): PmdSettings {
  const settings: PmdSettings = {};
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 2 > bytes.length) {
      throw new MeasurementFormatError({
        code: 'missing-field',
        characteristic: RESPONSE,
        field: 'settings',
        detail: `setting at byte ${offset + 5} has no count byte`,
      });
    }
    const type = bytes[offset];
    const count = bytes[offset + 1];
    const field = SETTING_FIELDS.get(type);
    if (field === undefined) {
      // Its width is unknown, so nothing after it can be read either.
      throw new MeasurementFormatError({
        code: 'out-of-range',
        characteristic: RESPONSE,
        field: 'settings',
        detail: `setting type ${hexByte(type)} is unknown`,
      });
    }
    offset += 2;
    if (offset + count * field.width > bytes.length) {
      throw new MeasurementFormatError({
        code: 'missing-field',
        characteristic: RESPONSE,
        field: field.key,
        detail: `${count} value(s) of ${field.width} byte(s) announced, only ${bytes.length - offset} byte(s) left`,
      });
    }
    const values = settings[field.key] ?? [];
    for (let i = 0; i < count; i++, offset += field.width) {
      if (field.float) values.push(view.getFloat32(offset, true));
      else if (field.width === 4) values.push(view.getUint32(offset, true));
      else if (field.width === 2) values.push(view.getUint16(offset, true));
      else values.push(view.getUint8(offset));
    }
    settings[field.key] = values;
  }
  return settings;
}

/** Parses an ECG data frame (type 0, frame type 0); throws MeasurementFormatError otherwise. */
export function parsePmdEcgFrame(input: DataView | Uint8Array): PmdEcgFrame {
  const bytes = toBytes(input);
  if (bytes.length < DATA_HEADER_LENGTH + SAMPLE_LENGTH) {
    throw new MeasurementFormatError({
      code: 'too-short',
      characteristic: DATA,
      detail: `only ${bytes.length} bytes present: a frame needs ${DATA_HEADER_LENGTH} header bytes and at least one 3-byte sample`,
    });
  }
  if (bytes[0] !== PMD_MEASUREMENT_ECG) {
    throw new MeasurementFormatError({
      code: 'out-of-range',
      characteristic: DATA,
      field: 'measurement type',
      detail: `measurement type is ${hexByte(bytes[0])}, not ECG (00)`,
    });
  }
  const frameType = bytes[9];
  if (frameType !== 0x00) {
    throw new MeasurementFormatError({
      code: 'out-of-range',
      characteristic: DATA,
      field: 'frame type',
      detail:
        frameType & 0x80
          ? `frame type ${hexByte(frameType)} is delta-compressed, which this decoder does not read`
          : `frame type ${hexByte(frameType)} is not 00 (int24 µV samples)`,
    });
  }
  const sampleBytes = bytes.length - DATA_HEADER_LENGTH;
  if (sampleBytes % SAMPLE_LENGTH !== 0) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: DATA,
      field: 'samples',
      detail: `${sampleBytes} sample bytes are not a whole number of 3-byte samples`,
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const samplesUv = new Int32Array(sampleBytes / SAMPLE_LENGTH);
  for (let i = 0, at = DATA_HEADER_LENGTH; i < samplesUv.length; i++, at += SAMPLE_LENGTH) {
    // Shift the 24-bit value to the top of a 32-bit int and back to sign-extend it.
    samplesUv[i] = ((bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) << 8) >> 8;
  }
  return { timestampNs: view.getBigUint64(1, true), samplesUv };
}

/** A PMD time stamp (ns since 2000-01-01 UTC) as a Date, to the millisecond. */
export function pmdTimestampToDate(timestampNs: bigint): Date {
  return new Date(PMD_EPOCH_MS + Number(timestampNs / 1_000_000n));
}
