import { HttpErrorResponse } from '@angular/common/http';
import { AppError, errorMessageKey, toAppError } from './app-errors';

describe('toAppError', () => {
  it('when the server names a known error code, then that code is used', () => {
    const err = new HttpErrorResponse({ status: 401, error: { error: 'invalid-credentials', reason: 'Wrong' } });
    expect(toAppError(err)).toMatchObject({ code: 'invalid-credentials', status: 401, message: 'Wrong' });
  });

  it('when the server spells the code CouchDB-style with underscores, then it maps to the same code', () => {
    const err = new HttpErrorResponse({ status: 401, error: { error: 'invalid_credentials', reason: 'Wrong' } });
    expect(toAppError(err).code).toBe('invalid-credentials');
  });

  it('when the request never reached the server, then the code is server-unreachable', () => {
    expect(toAppError(new HttpErrorResponse({ status: 0 })).code).toBe('server-unreachable');
    expect(toAppError(new TypeError('Failed to fetch')).code).toBe('server-unreachable');
  });

  it('when a proxy answers 502 without our body, then the code is server-unavailable', () => {
    expect(toAppError(new HttpErrorResponse({ status: 502, error: '<html>' })).code).toBe('server-unavailable');
  });

  it('when the server refuses the request with another 400 code, then the code is invalid-request', () => {
    const err = new HttpErrorResponse({ status: 400, error: { error: 'bad_request', reason: 'deviceId', field: 'deviceId' } });
    expect(toAppError(err).code).toBe('invalid-request');
  });

  it('when something else was thrown, then the code is unknown', () => {
    expect(toAppError('nope').code).toBe('unknown');
  });

  it('when an AppError is given, then it is returned as it is', () => {
    const err = new AppError('save-failed');
    expect(toAppError(err)).toBe(err);
  });

  it('when asking for the message, then the key is errors.<code>', () => {
    expect(errorMessageKey(new AppError('server-unreachable'))).toBe('errors.server-unreachable');
  });
});
