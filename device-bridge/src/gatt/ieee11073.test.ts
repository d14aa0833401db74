import { describe, expect, it } from 'vitest';
import { MeasurementFormatError } from '../errors';
import { hex } from '../testing/hex';
import { decodeFloat, decodeSfloat, floatValue, requireValue, sfloatValue } from './ieee11073';

describe('decodeSfloat', () => {
  it('when given 65 F0, then returns exactly 10.1 with exponent −1', () => {
    const decoded = decodeSfloat(hex('65 F0'), 0);
    expect(decoded).toEqual({ kind: 'value', value: 10.1, exponent: -1 });
  });

  it('when 100 is encoded two ways (64 00 and E8 F3), then both decode to 100', () => {
    expect(decodeSfloat(hex('64 00'), 0)).toEqual({ kind: 'value', value: 100, exponent: 0 });
    expect(decodeSfloat(hex('E8 F3'), 0)).toEqual({ kind: 'value', value: 100, exponent: -1 });
  });

  it.each([
    ['FF 07', 'nan'],
    ['00 08', 'nres'],
    ['FE 07', '+inf'],
    ['02 08', '-inf'],
    ['01 08', 'reserved'],
  ])('when given the special %s, then returns special %s and no number', (bytes, special) => {
    expect(decodeSfloat(hex(bytes), 0)).toEqual({ kind: 'special', special });
  });

  it.each([
    ['FF 0F', -1],
    ['03 08', -2045],
    ['9B FF', -10.1],
    ['05 20', 500],
    ['01 80', 1e-8],
    ['FD 77', 20450000000],
    ['FF 7F', -10000000],
    ['00 F0', 0],
  ])('when given %s (signed mantissa and exponent), then returns %d', (bytes, value) => {
    const decoded = decodeSfloat(hex(bytes), 0);
    expect(decoded.kind === 'value' && decoded.value).toBe(value);
  });

  it('when a special mantissa comes with a non-zero exponent (FF F7), then it is an ordinary number, 204.7', () => {
    // Specials are whole raw words with exponent 0; this is mantissa 2047 · 10^−1.
    expect(decodeSfloat(hex('FF F7'), 0)).toEqual({ kind: 'value', value: 204.7, exponent: -1 });
  });

  it('when given an offset, then reads the two bytes there', () => {
    expect(decodeSfloat(hex('00 00 65 F0'), 2)).toEqual({ kind: 'value', value: 10.1, exponent: -1 });
  });

  it('when the bytes lie outside the view, then throws RangeError', () => {
    expect(() => decodeSfloat(hex('65'), 0)).toThrow(RangeError);
  });
});

describe('decodeFloat', () => {
  it('when given 87 D6 12 FE, then returns exactly 12345.67 with exponent −2', () => {
    expect(decodeFloat(hex('87 D6 12 FE'), 0)).toEqual({ kind: 'value', value: 12345.67, exponent: -2 });
  });

  it.each([
    ['FF FF 7F 00', 'nan'],
    ['00 00 80 00', 'nres'],
    ['FE FF 7F 00', '+inf'],
    ['02 00 80 00', '-inf'],
    ['01 00 80 00', 'reserved'],
  ])('when given the special %s, then returns special %s and no number', (bytes, special) => {
    expect(decodeFloat(hex(bytes), 0)).toEqual({ kind: 'special', special });
  });

  it.each([
    ['FF FF FF 00', -1],
    ['C0 1D FE FD', -123.456],
    ['0C 00 00 03', 12000],
    ['01 00 00 80', 1e-128],
    ['B0 0E 00 FE', 37.6],
  ])('when given %s (signed mantissa and exponent), then returns %d', (bytes, value) => {
    const decoded = decodeFloat(hex(bytes), 0);
    expect(decoded.kind === 'value' && decoded.value).toBe(value);
  });

  it('when the bytes lie outside the view, then throws RangeError', () => {
    expect(() => decodeFloat(hex('87 D6 12'), 0)).toThrow(RangeError);
  });
});

describe('sfloatValue / floatValue / requireValue', () => {
  it('when the value is a number, then returns it', () => {
    expect(sfloatValue(hex('65 F0'), 0, 'temperature', 'Test')).toBe(10.1);
    expect(floatValue(hex('87 D6 12 FE'), 0, 'weight', 'Test')).toBe(12345.67);
  });

  it('when the SFLOAT is NaN, then throws special-value naming field and characteristic', () => {
    let caught: unknown;
    try {
      sfloatValue(hex('FF 07'), 0, 'systolic', 'Blood Pressure Measurement');
    } catch (error) {
      caught = error; // MeasurementFormatError expected
    }
    expect(caught).toBeInstanceOf(MeasurementFormatError);
    const error = caught as MeasurementFormatError;
    expect(error.code).toBe('special-value');
    expect(error.field).toBe('systolic');
    expect(error.message).toBe('Blood Pressure Measurement: systolic is the special value NaN (not a number), not a measurement');
  });

  it('when the FLOAT is −INF, then throws special-value', () => {
    expect(() => floatValue(hex('02 00 80 00'), 0, 'temperature', 'Temperature Measurement')).toThrow(
      expect.objectContaining({ code: 'special-value', field: 'temperature' }),
    );
  });

  it('when given an already decoded special, then requireValue throws special-value', () => {
    expect(() => requireValue({ kind: 'special', special: 'nres' }, 'pulse', 'X')).toThrow(/pulse is the special value NRes/);
  });
});
