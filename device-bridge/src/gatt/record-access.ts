/**
 * Record Access Control Point (0x2A52, write + indicate), as the Glucose
 * service uses it (the Pulse Oximeter's stored spot-checks use the same one).
 *
 *   request / response:
 *   ┌─────────┬──────────┬─────────────────────────┐
 *   │ op code │ operator │ operand (by op/operator) │
 *   └─────────┴──────────┴─────────────────────────┘
 *     u8        u8
 *
 *   op codes: 01 report stored records · 02 delete stored records · 03 abort
 *             operation · 04 report number of stored records · 05 number of
 *             stored records response · 06 response code
 *   operators: 00 null · 01 all records · 02 ≤ · 03 ≥ · 04 within range ·
 *              05 first record · 06 last record
 *   operand of ≤ / ≥: filter type (01 sequence number) then the value (u16 LE)
 *
 *   requests:  all `01 01` · from #300 on `01 03 01 2C 01` · count all `04 01` · abort `03 00`
 *   responses: count `05 00 0C 00` (12 records) · success `06 00 01 01` ·
 *              no records found `06 00 01 06`
 *
 * Flow: enable notifications on the measurement characteristics and
 * indications here, write the request, receive the records, then the `06`
 * response (or `05` for a count). Deleting records is deliberately not
 * offered: the meter's memory is the patient's only copy until synced.
 */
import { MeasurementFormatError } from '../errors';
import { enumValue, requireMandatory } from './field-reader';

/** Which stored records a request is about. */
export type RacpRecordSelection =
  | { kind: 'all' }
  | { kind: 'first' }
  | { kind: 'last' }
  /** Records whose sequence number is at least `sequenceNumber` (to fetch only the new ones). */
  | { kind: 'from-sequence-number'; sequenceNumber: number };

/** A request {@link encodeRacpRequest} can write. */
export type RacpRequest =
  | { op: 'report-stored-records'; records: RacpRecordSelection }
  | { op: 'report-number-of-stored-records'; records: RacpRecordSelection }
  | { op: 'abort-operation' };

/** The request a response code answers. */
export type RacpRequestOp =
  | 'report-stored-records'
  | 'delete-stored-records'
  | 'abort-operation'
  | 'report-number-of-stored-records';

/** The outcome a response code states. */
export type RacpResponseMeaning =
  | 'success'
  | 'op-code-not-supported'
  | 'invalid-operator'
  | 'operator-not-supported'
  | 'invalid-operand'
  | 'no-records-found'
  | 'abort-unsuccessful'
  | 'procedure-not-completed'
  | 'operand-not-supported';

/** An indication of the Record Access Control Point. */
export type RacpResponse =
  | { kind: 'number-of-stored-records'; count: number }
  | {
      kind: 'response-code';
      /** Op code of the request answered, as sent back. */
      requestOpCode: number;
      request: RacpRequestOp;
      /** Response code value, as sent. */
      responseCode: number;
      meaning: RacpResponseMeaning;
    };

const CHARACTERISTIC = 'Record Access Control Point';

const OP_CODES: Readonly<Record<RacpRequest['op'], number>> = {
  'report-stored-records': 0x01,
  'abort-operation': 0x03,
  'report-number-of-stored-records': 0x04,
};
const OP_NUMBER_OF_RECORDS = 0x05;
const OP_RESPONSE_CODE = 0x06;
const OPERATOR_NULL = 0x00;
const OPERATOR_ALL = 0x01;
const OPERATOR_AT_LEAST = 0x03;
const OPERATOR_FIRST = 0x05;
const OPERATOR_LAST = 0x06;
const FILTER_SEQUENCE_NUMBER = 0x01;

const REQUEST_OPS: ReadonlyMap<number, RacpRequestOp> = new Map([
  [0x01, 'report-stored-records'],
  [0x02, 'delete-stored-records'],
  [0x03, 'abort-operation'],
  [0x04, 'report-number-of-stored-records'],
]);

const MEANINGS: ReadonlyMap<number, RacpResponseMeaning> = new Map([
  [0x01, 'success'],
  [0x02, 'op-code-not-supported'],
  [0x03, 'invalid-operator'],
  [0x04, 'operator-not-supported'],
  [0x05, 'invalid-operand'],
  [0x06, 'no-records-found'],
  [0x07, 'abort-unsuccessful'],
  [0x08, 'procedure-not-completed'],
  [0x09, 'operand-not-supported'],
]);

/** The bytes to write to the Record Access Control Point; throws TypeError/RangeError for a request it cannot encode. */
export function encodeRacpRequest(request: RacpRequest): Uint8Array {
  switch (request.op) {
    case 'abort-operation':
      return Uint8Array.of(OP_CODES[request.op], OPERATOR_NULL);
    case 'report-stored-records':
    case 'report-number-of-stored-records':
      return Uint8Array.of(OP_CODES[request.op], ...encodeSelection(request.records));
    default:
      // Reached only from untyped callers.
      throw new TypeError(`encodeRacpRequest(): unknown op "${String((request as { op: unknown }).op)}"`);
  }
}

function encodeSelection(records: RacpRecordSelection): number[] {
  switch (records.kind) {
    case 'all':
      return [OPERATOR_ALL];
    case 'first':
      return [OPERATOR_FIRST];
    case 'last':
      return [OPERATOR_LAST];
    case 'from-sequence-number': {
      const n = records.sequenceNumber;
      if (!Number.isInteger(n) || n < 0 || n > 0xffff) {
        throw new RangeError(`encodeRacpRequest(): sequence number must be an integer 0–65535, got ${n}`);
      }
      return [OPERATOR_AT_LEAST, FILTER_SEQUENCE_NUMBER, n & 0xff, n >> 8];
    }
    default:
      throw new TypeError(`encodeRacpRequest(): unknown record selection "${String((records as { kind: unknown }).kind)}"`);
  }
}

/** Parses a Record Access Control Point indication; throws MeasurementFormatError if it is not a well-formed response. */
export function parseRacpResponse(view: DataView): RacpResponse {
  requireMandatory(view, 2, CHARACTERISTIC, 'op code and operator');
  const opCode = view.getUint8(0);
  const operator = view.getUint8(1);
  if (opCode !== OP_NUMBER_OF_RECORDS && opCode !== OP_RESPONSE_CODE) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: CHARACTERISTIC,
      field: 'op code',
      detail: `op code ${opCode} is not a response (expected 5, number of stored records, or 6, response code)`,
    });
  }
  if (operator !== OPERATOR_NULL) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: CHARACTERISTIC,
      field: 'operator',
      detail: `a response carries the null operator 0, not ${operator}`,
    });
  }
  if (opCode === OP_NUMBER_OF_RECORDS) {
    requireMandatory(view, 4, CHARACTERISTIC, 'op code, operator and u16 number of records');
    return { kind: 'number-of-stored-records', count: view.getUint16(2, true) };
  }
  requireMandatory(view, 4, CHARACTERISTIC, 'op code, operator, request op code and response code');
  const requestOpCode = view.getUint8(2);
  const responseCode = view.getUint8(3);
  return {
    kind: 'response-code',
    requestOpCode,
    request: enumValue(REQUEST_OPS, requestOpCode, 'request op code', CHARACTERISTIC),
    responseCode,
    meaning: enumValue(MEANINGS, responseCode, 'response code', CHARACTERISTIC),
  };
}
