import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';

const text = (value: string) => new TextEncoder().encode(value);

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('when encoding the RFC 4648 vector "%s", then gives "%s" and decodes back', (plain, encoded) => {
    expect(bytesToBase64(text(plain))).toBe(encoded);
    expect(base64ToBytes(encoded)).toEqual(text(plain));
  });

  it('when every byte value is encoded, then it decodes back unchanged', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
  });

  it.each([['Zg='], ['Zm9v!A=='], ['Z=g='], ['Zm9v Zg=='], ['====']])('when "%s" is not valid base64, then returns undefined', (bad) => {
    expect(base64ToBytes(bad)).toBeUndefined();
  });
});
