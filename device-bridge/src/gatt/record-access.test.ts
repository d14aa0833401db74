import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex';
import { encodeRacpRequest, parseRacpResponse, type RacpRequest } from './record-access';
import { refusal } from './testing/refusal';

/** The bytes as spaced upper-case hex, to compare with the specification's examples. */
function bytesOf(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

describe('encodeRacpRequest', () => {
  it.each<[string, RacpRequest, string]>([
    ['report all records', { op: 'report-stored-records', records: { kind: 'all' } }, '01 01'],
    ['report records from #300 on', { op: 'report-stored-records', records: { kind: 'from-sequence-number', sequenceNumber: 300 } }, '01 03 01 2C 01'],
    ['report the first record', { op: 'report-stored-records', records: { kind: 'first' } }, '01 05'],
    ['report the last record', { op: 'report-stored-records', records: { kind: 'last' } }, '01 06'],
    ['count all records', { op: 'report-number-of-stored-records', records: { kind: 'all' } }, '04 01'],
    ['count records from #65535 on', { op: 'report-number-of-stored-records', records: { kind: 'from-sequence-number', sequenceNumber: 65535 } }, '04 03 01 FF FF'],
    ['count records from #0 on', { op: 'report-number-of-stored-records', records: { kind: 'from-sequence-number', sequenceNumber: 0 } }, '04 03 01 00 00'],
    ['abort', { op: 'abort-operation' }, '03 00'],
  ])('when asked to %s, then writes %s', (_, request, expected) => {
    expect(bytesOf(encodeRacpRequest(request))).toBe(expected);
  });

  it.each([[-1], [65536], [1.5], [Number.NaN]])('when the sequence number is %s, then throws a RangeError', (sequenceNumber) => {
    expect(() =>
      encodeRacpRequest({ op: 'report-stored-records', records: { kind: 'from-sequence-number', sequenceNumber } }),
    ).toThrow(RangeError);
  });

  it('when the op is unknown (untyped caller), then throws a TypeError naming it', () => {
    expect(() => encodeRacpRequest({ op: 'delete-stored-records' } as unknown as RacpRequest)).toThrow(
      new TypeError('encodeRacpRequest(): unknown op "delete-stored-records"'),
    );
  });

  it('when the record selection is unknown (untyped caller), then throws a TypeError naming it', () => {
    const request = { op: 'report-stored-records', records: { kind: 'range' } } as unknown as RacpRequest;
    expect(() => encodeRacpRequest(request)).toThrow(TypeError);
  });
});

describe('parseRacpResponse', () => {
  it('when given 05 00 0C 00, then returns 12 stored records', () => {
    expect(parseRacpResponse(hex('05 00 0C 00'))).toStrictEqual({ kind: 'number-of-stored-records', count: 12 });
  });

  it('when given 06 00 01 01, then returns success for the report request', () => {
    expect(parseRacpResponse(hex('06 00 01 01'))).toStrictEqual({
      kind: 'response-code',
      requestOpCode: 1,
      request: 'report-stored-records',
      responseCode: 1,
      meaning: 'success',
    });
  });

  it('when given 06 00 01 06, then says no records were found', () => {
    expect(parseRacpResponse(hex('06 00 01 06'))).toMatchObject({ request: 'report-stored-records', meaning: 'no-records-found' });
  });

  it.each([
    [1, 'success'],
    [2, 'op-code-not-supported'],
    [3, 'invalid-operator'],
    [4, 'operator-not-supported'],
    [5, 'invalid-operand'],
    [6, 'no-records-found'],
    [7, 'abort-unsuccessful'],
    [8, 'procedure-not-completed'],
    [9, 'operand-not-supported'],
  ])('when the response code is %i, then its meaning is %s', (code, meaning) => {
    expect(parseRacpResponse(hex(`06 00 04 0${code}`))).toMatchObject({ request: 'report-number-of-stored-records', responseCode: code, meaning });
  });

  it.each([
    [2, 'delete-stored-records'],
    [3, 'abort-operation'],
  ])('when the request op code is %i, then the request is %s', (op, request) => {
    expect(parseRacpResponse(hex(`06 00 0${op} 01`))).toMatchObject({ kind: 'response-code', requestOpCode: op, request });
  });

  it.each([
    ['', 'only 0 of 2 mandatory bytes present (op code and operator)'],
    ['06', 'only 1 of 2 mandatory bytes present (op code and operator)'],
    ['06 00 01', 'only 3 of 4 mandatory bytes present (op code, operator, request op code and response code)'],
    ['05 00 0C', 'only 3 of 4 mandatory bytes present (op code, operator and u16 number of records)'],
  ])('when only "%s" is given, then refuses it as too-short', (bytes, detail) => {
    const error = refusal(() => parseRacpResponse(hex(bytes)));
    expect(error.code).toBe('too-short');
    expect(error.message).toBe(`Record Access Control Point: ${detail}`);
  });

  it.each([['01 01'], ['04 01'], ['00 00 00 00'], ['07 00 01 01']])('when the op code of %s is not a response, then refuses it as inconsistent', (bytes) => {
    const error = refusal(() => parseRacpResponse(hex(bytes)));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('op code');
  });

  it('when a response carries an operator other than null, then refuses it as inconsistent', () => {
    const error = refusal(() => parseRacpResponse(hex('06 01 01 01')));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('operator');
  });

  it.each([
    ['response code', '06 00 01 00'],
    ['response code', '06 00 01 0A'],
    ['request op code', '06 00 00 01'],
    ['request op code', '06 00 05 01'],
  ])('when the %s in %s is reserved, then refuses it as out-of-range', (field, bytes) => {
    const error = refusal(() => parseRacpResponse(hex(bytes)));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe(field);
  });
});
