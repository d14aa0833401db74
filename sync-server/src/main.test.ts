import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { openEventStream } from './testing/event-stream';

// The real entry point, bundled as `npm start` bundles it, run as its own process.
describe('main: the server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prossima-main-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const repoRoot = join(import.meta.dirname, '../..');

  async function bundle(): Promise<string> {
    // Inside the repository so that ES module resolution finds node_modules.
    const outfile = join(repoRoot, 'node_modules/.cache/prossima-main-test/main.mjs');
    await build({ entryPoints: [join(import.meta.dirname, 'main.ts')], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent', absWorkingDir: repoRoot });
    return outfile;
  }

  function run(entry: string, env: Record<string, string>) {
    const child = spawn(process.execPath, [entry], { env: { PATH: process.env['PATH'] ?? '', ...env }, cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited, output: () => ({ stdout, stderr }) };
  }

  it('when started with an empty data folder, then it seeds, answers health, and stops cleanly on SIGTERM', async () => {
    const entry = await bundle();
    const server = run(entry, { PORT: '0', DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'info' });
    let url = '';
    for (let i = 0; i < 100 && !url; i++) {
      await new Promise((r) => setTimeout(r, 200));
      url = server.output().stdout.match(/"url":"(http:\/\/[^"]+)"/)?.[1] ?? '';
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toEqual({ status: 'ok', store: 'embedded' });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output().stdout).toContain('"msg":"stopped"');
    expect(server.output().stdout).not.toMatch(/prossima"|Penicillina|Esposito/);
  });

  it('when an event stream is open at SIGTERM, then the stream ends and the process exits without waiting to force it', async () => {
    const entry = await bundle();
    const server = run(entry, { PORT: '0', DATA_DIR: join(dir, 'data-live'), LOG_LEVEL: 'info' });
    let url = '';
    for (let i = 0; i < 100 && !url; i++) {
      await new Promise((r) => setTimeout(r, 200));
      url = server.output().stdout.match(/"url":"(http:\/\/[^"]+)"/)?.[1] ?? '';
    }
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ifec.rossi', password: 'prossima' }) });
    const stream = await openEventStream(`${url}/sync/_events`, ((await login.json()) as { accessToken: string }).accessToken);
    await stream.waitFor((e) => e.event === 'ready');
    const started = Date.now();
    server.child.kill('SIGTERM');
    await stream.ended;
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('when the environment is invalid, then it exits 1 naming the variable', async () => {
    const entry = await bundle();
    const server = run(entry, { PROSSIMA_MODE: 'production', DATA_DIR: join(dir, 'prod') });
    expect(await server.exited).toBe(1);
    expect(server.output().stderr).toContain('TOKEN_SECRET is required when PROSSIMA_MODE=production');
  });
});
