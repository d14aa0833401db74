import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * A server of the test's own (not Playwright's shared webServer), on its own
 * port and data folder, that a test may kill and start again on the same data:
 * for journeys about the server going away.
 */
export class OwnServer {
  private child: ChildProcess | null = null;
  readonly baseUrl: string;
  private readonly dataDir: string;

  constructor(readonly port: number) {
    this.baseUrl = `http://localhost:${port}`;
    this.dataDir = join(root, 'test-results', `e2e-own-server-${port}`);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Start (or start again) and wait until healthy. */
  async start(): Promise<void> {
    this.child = spawn(process.execPath, [join(root, 'dist/sync-server/main.mjs')], {
      cwd: root,
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${this.port}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`own server on ${this.port} did not start`);
  }

  /** Kill the process at once (SIGKILL: no clean shutdown), and wait for it to be gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  /** Stop cleanly at the end of a test. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }

  /** A JSON call to the server's API with a fresh login (for checks made behind the browser's back). */
  async api(username: string, path: string): Promise<any> {
    const login = await fetch(`http://127.0.0.1:${this.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'prossima' }),
    });
    const { accessToken } = await login.json();
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    return response.json();
  }
}
