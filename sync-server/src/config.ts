import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** The server's configuration, read once from the environment at start-up and passed in. */
export interface Config {
  mode: 'demo' | 'production';
  host: string;
  port: number;
  dataDir: string;
  /** Base URL of a real CouchDB (credentials in the URL); `null` starts the embedded store. */
  couchdbUrl: string | null;
  tokenSecret: Uint8Array;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of the built client (`index.html`, `ngsw.json`, …); served when present. */
  clientDir: string;
}

const environmentSchema = z.object({
  PROSSIMA_MODE: z.enum(['demo', 'production']).default('demo'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATA_DIR: z.string().min(1).default('./data'),
  COUCHDB_URL: z.url({ protocol: /^https?$/ }).optional(),
  TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIR: z.string().min(1).default('./dist/client/browser'),
});

/** Thrown when the environment does not describe a runnable server; the message names every problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validate the environment once. In demo mode a missing token secret is
 * generated and kept in `DATA_DIR/token-secret` (so tokens survive restarts);
 * in production it must come from the environment.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  if (e.PROSSIMA_MODE === 'production' && !e.TOKEN_SECRET) {
    throw new ConfigError('Invalid environment: TOKEN_SECRET is required when PROSSIMA_MODE=production');
  }
  return {
    mode: e.PROSSIMA_MODE,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    couchdbUrl: e.COUCHDB_URL ?? null,
    tokenSecret: new TextEncoder().encode(e.TOKEN_SECRET ?? demoTokenSecret(dataDir)),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    logLevel: e.LOG_LEVEL,
    clientDir: resolve(e.CLIENT_DIR),
  };
}

function demoTokenSecret(dataDir: string): string {
  const file = join(dataDir, 'token-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
