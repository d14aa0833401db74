/**
 * Small byte helpers shared by the vendor protocols. Internal to vendor/: not
 * part of the package's public API.
 */

/** The bytes of a notification value (DataView) or of a buffer, as a Uint8Array over the same memory (no copy). */
export function toBytes(input: DataView | Uint8Array): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

/** A byte as two upper-case hex digits, e.g. "0A", for error messages. */
export function hexByte(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, '0');
}

/** Rounds to `decimals` places so that 30 + 705/100 reads 37.05, not 37.050000000000004. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
