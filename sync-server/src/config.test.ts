import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('when the environment is empty, then demo defaults apply and a token secret is generated and kept', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'prossima-config-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({ mode: 'demo', port: 8080, host: '127.0.0.1', couchdbUrl: null, accessTokenTtlSeconds: 900 });
    const secret = readFileSync(join(dataDir, 'token-secret'), 'utf8');
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(new TextDecoder().decode(loadConfig({ DATA_DIR: dataDir }).tokenSecret)).toBe(secret);
  });

  it('when production mode has no TOKEN_SECRET, then start-up fails naming it', () => {
    expect(() => loadConfig({ PROSSIMA_MODE: 'production' })).toThrow(/TOKEN_SECRET is required/);
  });

  it('when values are malformed, then every problem is named at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', COUCHDB_URL: 'not a url', TOKEN_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/PORT/);
    expect((error as Error).message).toMatch(/COUCHDB_URL/);
    expect((error as Error).message).toMatch(/TOKEN_SECRET must be at least 32 characters/);
  });

  it('when COUCHDB_URL is given, then it is used as the store', () => {
    const config = loadConfig({ COUCHDB_URL: 'http://admin:pw@couch:5984', TOKEN_SECRET: 'x'.repeat(32), PROSSIMA_MODE: 'production' });
    expect(config.couchdbUrl).toBe('http://admin:pw@couch:5984');
    expect(config.mode).toBe('production');
  });
});
