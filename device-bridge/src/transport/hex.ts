/**
 * Raw bytes as lowercase hex without separators ("0678005000"): the form in
 * which measurements keep every notification they used and the simulator
 * writes its scripts (plain JSON, easy to read in a test failure).
 */

/** The bytes of a notification value or buffer as lowercase hex, two digits a byte. */
export function bytesToHex(input: DataView | Uint8Array): string {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

/** The bytes written as hex pairs (spaces allowed, any case); throws TypeError for anything else. */
export function hexToBytes(text: string): Uint8Array {
  const digits = text.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(digits)) throw new TypeError(`hexToBytes(): expected pairs of hex digits, got "${text}"`);
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}
