/**
 * Standard base64 (RFC 4648 §4, with padding), written out so that it behaves
 * the same in Node and in browsers and refuses malformed text instead of
 * guessing. Internal to ecg/.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES: ReadonlyMap<string, number> = new Map(Array.from(ALPHABET, (char, i) => [char, i]));

/** Encodes bytes as padded base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    text += ALPHABET[(chunk >> 18) & 63] + ALPHABET[(chunk >> 12) & 63];
    text += i + 1 < bytes.length ? ALPHABET[(chunk >> 6) & 63] : '=';
    text += i + 2 < bytes.length ? ALPHABET[chunk & 63] : '=';
  }
  return text;
}

/** Decodes padded base64; returns undefined when the text is not valid base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  for (let i = 0, out = 0; i < text.length; i += 4) {
    let chunk = 0;
    for (let j = 0; j < 4; j++) {
      const char = text[i + j];
      const isPadding = char === '=' && i + j >= text.length - padding;
      const value = isPadding ? 0 : VALUES.get(char);
      if (value === undefined) return undefined;
      chunk = (chunk << 6) | value;
    }
    for (let shift = 16; shift >= 0 && out < bytes.length; shift -= 8) bytes[out++] = (chunk >> shift) & 0xff;
  }
  return bytes;
}
