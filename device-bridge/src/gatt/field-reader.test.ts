import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex';
import { decodeBits, FieldCursor, getUint24, sfloatShifted } from './field-reader';
import { refusal } from './testing/refusal';

describe('FieldCursor', () => {
  it('when fields are taken, then hands out consecutive offsets and counts what remains', () => {
    const fields = new FieldCursor(hex('00 01 02 03 04 05'), 1, 'X');
    expect(fields.take('a', 2)).toBe(1);
    expect(fields.take('b', 1)).toBe(3);
    expect(fields.offset).toBe(4);
    expect(fields.remaining).toBe(2);
  });

  it('when a field runs past the end, then refuses it as missing-field and does not move', () => {
    const fields = new FieldCursor(hex('00 01 02'), 1, 'X');
    expect(refusal(() => fields.take('c', 3)).message).toBe('X: c flagged but only 3 of 4 bytes present');
    expect(fields.offset).toBe(1);
  });
});

describe('getUint24', () => {
  it('when given 01 02 03, then reads 0x030201', () => {
    expect(getUint24(hex('FF 01 02 03'), 1)).toBe(0x030201);
  });
});

describe('decodeBits', () => {
  it('when given a layout, then names exactly its bits', () => {
    expect(decodeBits(0b1010_0001, { zero: 0, one: 1, five: 5 })).toStrictEqual({ zero: true, one: false, five: true });
  });
});

describe('sfloatShifted', () => {
  it.each([
    ['5F B0', 5, 95],
    ['35 C0', 3, 5.3],
    ['D2 A4', 5, 123.4],
    ['0A D0', 3, 10],
    ['01 00', 6, 1_000_000],
    ['FF 0F', -3, -0.001],
    ['FF 87', 3, 0.02047],
  ])('when the SFLOAT %s is shifted by 10^%i, then returns exactly %s', (bytes, shift, expected) => {
    expect(sfloatShifted(hex(bytes), 0, shift, 'x', 'X')).toBe(expected);
  });

  it('when the SFLOAT is special, then refuses it naming the field', () => {
    expect(refusal(() => sfloatShifted(hex('FF 07'), 0, 3, 'x', 'X')).code).toBe('special-value');
  });
});
