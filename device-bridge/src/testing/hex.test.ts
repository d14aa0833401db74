import { describe, expect, it } from 'vitest';
import { hex } from './hex';

describe('hex', () => {
  it('when given spaced hex pairs, then returns a view of those bytes', () => {
    const view = hex('06 78 0a FF');
    expect([...new Uint8Array(view.buffer)]).toEqual([0x06, 0x78, 0x0a, 0xff]);
  });

  it('when given an empty string, then returns an empty view', () => {
    expect(hex('').byteLength).toBe(0);
  });

  it('when given an odd digit or a non-hex character, then throws TypeError', () => {
    expect(() => hex('067')).toThrow(TypeError);
    expect(() => hex('0G')).toThrow(TypeError);
  });
});
