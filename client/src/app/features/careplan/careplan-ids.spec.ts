import { DOCUMENT_ID_PATTERN } from '@prossima/domain';
import { newCareplanId, newRowId, randomToken } from './careplan-ids';

describe('newCareplanId', () => {
  it('when made for a patient, then it is cp-<patient>-<token> and fits the document id pattern', () => {
    const id = newCareplanId('p-mario', 'ab12cd34');
    expect(id).toBe('cp-p-mario-ab12cd34');
    expect(new RegExp(DOCUMENT_ID_PATTERN).test(newCareplanId('p-mario'))).toBe(true);
  });

  it('when the patient id is long or has capitals, then the id is lower-case and at most 100 characters', () => {
    const id = newCareplanId('P-' + 'x'.repeat(120), 'ab12cd34');
    expect(id.length).toBe(100);
    expect(id.startsWith('cp-p-xxx')).toBe(true);
    expect(id.endsWith('-ab12cd34')).toBe(true);
    expect(new RegExp(DOCUMENT_ID_PATTERN).test(id)).toBe(true);
  });
});

describe('newRowId', () => {
  it('when made, then it matches the row id pattern and skips ids already taken', () => {
    const tokens = ['aaaa', 'aaaa', 'bbbb'];
    const id = newRowId('i', ['i-aaaa'], () => tokens.shift()!);
    expect(id).toBe('i-bbbb');
    expect(/^[a-z0-9][a-z0-9._-]*$/.test(newRowId('g', []))).toBe(true);
  });

  it('when the token source keeps repeating a taken id, then it gives up with a RangeError', () => {
    expect(() => newRowId('g', ['g-same'], () => 'same')).toThrow(RangeError);
  });
});

describe('randomToken', () => {
  it('when called, then it gives eight characters of [a-z0-9]', () => {
    expect(randomToken()).toMatch(/^[a-z0-9]{8}$/);
  });
});
