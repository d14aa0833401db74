/**
 * Test helper: two fake CDP sessions (browser and page) that stand in for
 * Chromium. The page side answers `deliver(uuid)` as the page script would:
 * it raises a read of that characteristic on the browser session and reports
 * the bytes the emulation answers with. Not exported from the package.
 */
import type { CdpSessionLike } from '../chromium-emulation';

type Listener = (params: Record<string, unknown>) => void;

/** One fake CDP session: records every command, lets the test raise events. */
export class FakeCdpSession implements CdpSessionLike {
  readonly sent: { method: string; params: Record<string, unknown> }[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  private nextId = 1;

  constructor(private readonly answer: (method: string, params: Record<string, unknown>) => unknown = () => ({})) {}

  async send(method: string, params: object = {}): Promise<unknown> {
    const record = params as Record<string, unknown>;
    this.sent.push({ method, params: record });
    if (method === 'BluetoothEmulation.addService') return { serviceId: `s${this.nextId++}` };
    if (method === 'BluetoothEmulation.addCharacteristic') return { characteristicId: `c${this.nextId++}` };
    if (method === 'BluetoothEmulation.addDescriptor') return { descriptorId: `d${this.nextId++}` };
    return this.answer(method, record);
  }

  on(event: string, listener: Listener): this {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  /** Chromium raises `event`. */
  emit(event: string, params: Record<string, unknown>): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(params);
  }

  /** Commands sent with `method`. */
  calls(method: string): Record<string, unknown>[] {
    return this.sent.filter((entry) => entry.method === method).map((entry) => entry.params);
  }
}

/** A browser session and a page session wired together like Chromium and a page running the page script. */
export function fakeChromium(): { browser: FakeCdpSession; page: FakeCdpSession; delivered: { uuid: string; base64: string }[] } {
  const delivered: { uuid: string; base64: string }[] = [];
  const browser: FakeCdpSession = new FakeCdpSession();
  const page: FakeCdpSession = new FakeCdpSession(async (method, params) => {
    const expression = String(params['expression'] ?? '');
    const match = /deliver\("([^"]+)"\)/.exec(expression);
    if (method !== 'Runtime.evaluate' || match === null) return {};
    const uuid = match[1];
    const added = browser.sent.filter((entry) => entry.method === 'BluetoothEmulation.addCharacteristic');
    const index = added.findIndex((entry) => entry.params['characteristicUuid'] === uuid);
    // Ids are handed out in order; find the id this characteristic got.
    const id = characteristicIdOf(browser, index);
    const before = browser.calls('BluetoothEmulation.simulateCharacteristicOperationResponse').length;
    browser.emit('BluetoothEmulation.characteristicOperationReceived', { characteristicId: id, type: 'read' });
    await Promise.resolve();
    const response = browser
      .calls('BluetoothEmulation.simulateCharacteristicOperationResponse')
      .slice(before)
      .find((r) => r['characteristicId'] === id);
    delivered.push({ uuid, base64: String(response?.['data'] ?? '') });
    return { result: { type: 'string', value: 'delivered' } };
  });
  return { browser, page, delivered };
}

function characteristicIdOf(browser: FakeCdpSession, index: number): string {
  // The fake numbers every added item from one counter, in the order they were added.
  let counter = 0;
  let seen = -1;
  for (const entry of browser.sent) {
    if (!/^BluetoothEmulation\.add(Service|Characteristic|Descriptor)$/.test(entry.method)) continue;
    counter++;
    if (entry.method === 'BluetoothEmulation.addCharacteristic' && ++seen === index) return `c${counter}`;
  }
  throw new Error(`no characteristic number ${index}`);
}
