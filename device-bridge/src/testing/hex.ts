/** Test helper: the bytes written as hex pairs ("06 78 00", spaces optional) as a DataView. */
export function hex(bytes: string): DataView {
  const digits = bytes.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(digits)) {
    throw new TypeError(`hex(): expected pairs of hex digits, got "${bytes}"`);
  }
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return new DataView(out.buffer);
}
