/**
 * Helpers shared by the GATT decoders: the checks every characteristic value
 * needs (enough bytes, flagged fields present, enumerations and bit fields),
 * written once so that each decoder reads as its byte layout.
 *
 * Not exported from the package: callers see only MeasurementFormatError.
 */
import { MeasurementFormatError } from '../errors';
import { decodeSfloat, requireValue } from './ieee11073';

/** Throws MeasurementFormatError('too-short') unless `view` holds the `length` mandatory bytes described by `content`. */
export function requireMandatory(view: DataView, length: number, characteristic: string, content: string): void {
  if (view.byteLength >= length) return;
  throw new MeasurementFormatError({
    code: 'too-short',
    characteristic,
    detail: `only ${view.byteLength} of ${length} mandatory bytes present (${content})`,
  });
}

/**
 * Walks the optional fields that follow the mandatory part, in flag order:
 * each `take` returns where the field starts after checking its bytes are
 * there. Bytes after the last field taken are left alone, so later revisions
 * of a format that append fields still parse.
 */
export class FieldCursor {
  private next: number;

  constructor(
    private readonly view: DataView,
    start: number,
    private readonly characteristic: string,
  ) {
    this.next = start;
  }

  /** Offset of the next field not yet taken. */
  get offset(): number {
    return this.next;
  }

  /** Bytes from the next field not yet taken to the end of the value. */
  get remaining(): number {
    return this.view.byteLength - this.next;
  }

  /** Offset of the flagged `field` of `length` bytes; throws MeasurementFormatError('missing-field') if they are not all there. */
  take(field: string, length: number): number {
    const end = this.next + length;
    if (this.view.byteLength < end) {
      throw new MeasurementFormatError({
        code: 'missing-field',
        characteristic: this.characteristic,
        field,
        detail: `${field} flagged but only ${this.view.byteLength} of ${end} bytes present`,
      });
    }
    const at = this.next;
    this.next = end;
    return at;
  }
}

/** The unsigned 24-bit little-endian integer at `offset`. */
export function getUint24(view: DataView, offset: number): number {
  return view.getUint16(offset, true) | (view.getUint8(offset + 2) << 16);
}

/**
 * Looks `raw` up in an enumeration the specification defines; a value the
 * specification reserves throws MeasurementFormatError('out-of-range') naming `field`.
 */
export function enumValue<T>(
  table: ReadonlyMap<number, T>,
  raw: number,
  field: string,
  characteristic: string,
): T {
  const value = table.get(raw);
  if (value !== undefined) return value;
  throw new MeasurementFormatError({
    code: 'out-of-range',
    characteristic,
    field,
    detail: `${field} ${raw} (0x${raw.toString(16).padStart(2, '0').toUpperCase()}) is reserved; defined values are ${[...table.keys()].join(', ')}`,
  });
}

/** Names each bit of `bits` from a layout of name → bit number; bits the layout does not name (reserved) are ignored. */
export function decodeBits<K extends string>(bits: number, layout: Readonly<Record<K, number>>): Record<K, boolean> {
  const decoded = {} as Record<K, boolean>;
  for (const name of Object.keys(layout) as K[]) decoded[name] = (bits & (1 << layout[name])) !== 0;
  return decoded;
}

/** Throws MeasurementFormatError('out-of-range') unless `min` ≤ `value` ≤ `max`. */
export function requireWithin(
  value: number,
  min: number,
  max: number,
  field: string,
  characteristic: string,
): number {
  if (value >= min && value <= max) return value;
  throw new MeasurementFormatError({
    code: 'out-of-range',
    characteristic,
    field,
    detail: `${field} ${value} is outside ${min}–${max}`,
  });
}

/** Throws MeasurementFormatError('out-of-range') if `value` is negative (a rate, a mass, a concentration …). */
export function requireNotNegative(value: number, field: string, characteristic: string): number {
  if (value >= 0) return value;
  throw new MeasurementFormatError({
    code: 'out-of-range',
    characteristic,
    field,
    detail: `${field} ${value} is negative`,
  });
}

/**
 * The SFLOAT at `offset` times 10^`shift` (kg/L → mg/dL is 5), computed on the
 * decimal mantissa so no binary rounding creeps in; a special value throws
 * MeasurementFormatError('special-value') naming `field`.
 */
export function sfloatShifted(view: DataView, offset: number, shift: number, field: string, characteristic: string): number {
  const decoded = decodeSfloat(view, offset);
  const value = requireValue(decoded, field, characteristic);
  if (decoded.kind !== 'value') return value; // not reached: requireValue threw for a special value
  // The 12-bit mantissa comes back exactly: the error of value / 10^exponent is far below 0.5.
  const mantissa = Math.round(value / 10 ** decoded.exponent);
  return Number(`${mantissa}e${decoded.exponent + shift}`);
}
