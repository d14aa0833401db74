import { syncProblemCode } from './sync-errors';

describe('syncProblemCode', () => {
  it('when a pull failed on our AppError, then its code is kept', () => {
    const err = { code: 'RC_PULL', parameters: { errors: [{ name: 'AppError', code: 'forbidden' }] } };
    expect(syncProblemCode(err)).toBe('forbidden');
  });

  it('when the live stream failed on a network error, then the server is unreachable', () => {
    const err = { code: 'RC_STREAM', parameters: { error: { name: 'TypeError', message: 'Failed to fetch' } } };
    expect(syncProblemCode(err)).toBe('server-unreachable');
  });

  it('when the gateway refused a pushed document, then the change was rejected', () => {
    const err = {
      code: 'RC_PUSH',
      parameters: {
        errors: [{ name: 'RxError', code: 'SNH', parameters: { args: { writeResultRow: { id: 'v-1', error: 'forbidden' } } } }],
      },
    };
    expect(syncProblemCode(err)).toBe('sync-rejected');
  });

  it('when the error is of an unknown kind, then it is "unknown"', () => {
    expect(syncProblemCode(new Error('boom'))).toBe('unknown');
    expect(syncProblemCode(undefined)).toBe('unknown');
  });
});
