import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from './hex';
import { uuid128, uuidLabel } from './uuid';

describe('uuid128', () => {
  it('when given a 16-bit alias as a number or text, then returns the 128-bit SIG form', () => {
    expect(uuid128(0x2a37)).toBe('00002a37-0000-1000-8000-00805f9b34fb');
    expect(uuid128('2A37')).toBe('00002a37-0000-1000-8000-00805f9b34fb');
  });

  it('when given a 128-bit UUID in upper case, then returns it in lower case', () => {
    expect(uuid128('FB005C80-02E7-F387-1CAD-8ACD2D8DF0C8')).toBe('fb005c80-02e7-f387-1cad-8acd2d8df0c8');
  });

  it('when given a GATT name or garbage, then throws a TypeError', () => {
    expect(() => uuid128('heart_rate')).toThrow(TypeError);
  });

  it('when labelling, then SIG UUIDs show their alias and others stay whole', () => {
    expect(uuidLabel(0x2a35)).toBe('2A35');
    expect(uuidLabel('fb005c81-02e7-f387-1cad-8acd2d8df0c8')).toBe('fb005c81-02e7-f387-1cad-8acd2d8df0c8');
  });
});

describe('hex', () => {
  it('when bytes go to hex and back, then they are unchanged', () => {
    const bytes = Uint8Array.of(0x06, 0x78, 0x00, 0xff);
    expect(bytesToHex(bytes)).toBe('067800ff');
    expect(bytesToHex(new DataView(bytes.buffer, 1, 2))).toBe('7800');
    expect(hexToBytes('06 78 00 FF')).toEqual(bytes);
  });

  it('when the text is not hex pairs, then throws a TypeError', () => {
    expect(() => hexToBytes('067')).toThrow(TypeError);
  });
});
