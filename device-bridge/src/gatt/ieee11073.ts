/**
 * IEEE 11073-20601 numbers as used by the Bluetooth health profiles.
 *
 * SFLOAT, 16 bits little-endian (raw = byte0 | byte1 << 8):
 *
 *   bit 15     12 11                     0
 *       ┌───────┬────────────────────────┐
 *       │  exp  │        mantissa        │   value = mantissa · 10^exp
 *       └───────┴────────────────────────┘
 *        int4         int12 (two's complement)
 *
 *   `65 F0` → raw 0xF065 → exp −1, mantissa 101 → 10.1
 *
 * FLOAT, 32 bits little-endian:
 *
 *   byte   0      1      2      3
 *        ┌──────────────────────┬──────┐
 *        │ mantissa (int24, LE) │ exp  │     value = mantissa · 10^exp
 *        └──────────────────────┴──────┘
 *                                 int8
 *
 *   `87 D6 12 FE` → mantissa 1 234 567, exp −2 → 12345.67
 *
 * Special values are whole raw words (exponent 0) and are recognised before
 * any decoding: they are reported as `kind: 'special'`, never as numbers.
 *
 *   special     SFLOAT    FLOAT
 *   NaN         0x07FF    0x007FFFFF
 *   NRes        0x0800    0x00800000
 *   +INF        0x07FE    0x007FFFFE
 *   −INF        0x0802    0x00800002
 *   reserved    0x0801    0x00800001
 */
import { MeasurementFormatError } from '../errors';

/** The IEEE 11073 special values: not a number, not at this resolution, ±infinity, reserved for future use. */
export type Ieee11073Special = 'nan' | 'nres' | '+inf' | '-inf' | 'reserved';

/** A decoded SFLOAT or FLOAT: either a finite number or one of the special values. */
export type Ieee11073Number =
  | {
      kind: 'value';
      /** The number, rounded to the precision the exponent states (10.1, not 10.100000000000001). */
      value: number;
      /** Base-10 exponent as sent: −1 means the device measured to tenths (so 2.0 differs from 2). */
      exponent: number;
    }
  | { kind: 'special'; special: Ieee11073Special };

const SFLOAT_SPECIALS: ReadonlyMap<number, Ieee11073Special> = new Map([
  [0x07ff, 'nan'],
  [0x0800, 'nres'],
  [0x07fe, '+inf'],
  [0x0802, '-inf'],
  [0x0801, 'reserved'],
]);

const FLOAT_SPECIALS: ReadonlyMap<number, Ieee11073Special> = new Map([
  [0x007fffff, 'nan'],
  [0x00800000, 'nres'],
  [0x007ffffe, '+inf'],
  [0x00800002, '-inf'],
  [0x00800001, 'reserved'],
]);

const SPECIAL_NAMES: Readonly<Record<Ieee11073Special, string>> = {
  nan: 'NaN (not a number)',
  nres: 'NRes (not at this resolution)',
  '+inf': '+INFINITY',
  '-inf': '−INFINITY',
  reserved: 'a reserved special value',
};

/** Decodes the SFLOAT at `offset`; throws RangeError if the two bytes are not inside `view`. */
export function decodeSfloat(view: DataView, offset: number): Ieee11073Number {
  const raw = view.getUint16(offset, true);
  const special = SFLOAT_SPECIALS.get(raw);
  if (special !== undefined) return { kind: 'special', special };
  // Shift the field to the top of a 32-bit int and back to sign-extend it.
  const mantissa = ((raw & 0x0fff) << 20) >> 20;
  const exponent = (raw << 16) >> 28;
  return { kind: 'value', value: scale(mantissa, exponent), exponent };
}

/** Decodes the FLOAT at `offset`; throws RangeError if the four bytes are not inside `view`. */
export function decodeFloat(view: DataView, offset: number): Ieee11073Number {
  const raw = view.getUint32(offset, true);
  const special = FLOAT_SPECIALS.get(raw);
  if (special !== undefined) return { kind: 'special', special };
  const mantissa = ((raw & 0x00ffffff) << 8) >> 8;
  const exponent = view.getInt8(offset + 3);
  return { kind: 'value', value: scale(mantissa, exponent), exponent };
}

/** The SFLOAT at `offset` as a number; a special value throws MeasurementFormatError('special-value') naming `field`. */
export function sfloatValue(view: DataView, offset: number, field: string, characteristic: string): number {
  return requireValue(decodeSfloat(view, offset), field, characteristic);
}

/** The FLOAT at `offset` as a number; a special value throws MeasurementFormatError('special-value') naming `field`. */
export function floatValue(view: DataView, offset: number, field: string, characteristic: string): number {
  return requireValue(decodeFloat(view, offset), field, characteristic);
}

/** The number of a decoded SFLOAT/FLOAT; a special value throws MeasurementFormatError('special-value') naming `field`. */
export function requireValue(decoded: Ieee11073Number, field: string, characteristic: string): number {
  if (decoded.kind === 'value') return decoded.value;
  throw new MeasurementFormatError({
    code: 'special-value',
    characteristic,
    field,
    detail: `${field} is the special value ${SPECIAL_NAMES[decoded.special]}, not a measurement`,
  });
}

function scale(mantissa: number, exponent: number): number {
  // Parsing the decimal text is correctly rounded, so 101e-1 gives the double
  // nearest to 10.1 (101 * 0.1 would give 10.100000000000001), and it stays
  // exact for exponents far beyond the powers of ten a double holds exactly.
  return Number(`${mantissa}e${exponent}`);
}
