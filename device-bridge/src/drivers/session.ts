/**
 * The plumbing every driver shares for one measurement:
 *
 *   - every GATT call and every wait races the session's failure, which a
 *     disconnection ('disconnected'), the caller's AbortSignal ('aborted'), a
 *     wait running out ('timeout') or a handler's throw (a refused value)
 *     sets off: so a measurement either completes or rejects, never returns
 *     half of itself;
 *   - each notification's bytes are kept, in order, before it is decoded;
 *   - subscriptions are undone when the session closes, however it ended.
 */
import { abortError, DeviceBridgeError } from '../transport/errors';
import type { GattTransport, WriteOptions } from '../transport/gatt-transport';
import { bytesToHex } from '../transport/hex';
import { uuid128, type BluetoothUuid } from '../transport/uuid';
import type { MeasureOptions, MeasurementProgress } from './driver';
import type { DeviceFamily, MeasurementBase, RawNotification } from './measurement';

/** A promise with its settling functions in reach, for values that arrive in notification handlers. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

/** Creates a {@link Deferred}. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

/** One measurement's GATT session. */
export class MeasurementSession {
  /** Every notification received, in order. */
  readonly notifications: RawNotification[] = [];
  private readonly failed: Promise<never>;
  private fail!: (error: unknown) => void;
  private closed = false;
  private readonly cleanups: (() => Promise<void>)[] = [];
  private readonly detach: (() => void)[] = [];

  constructor(
    readonly transport: GattTransport,
    private readonly options: MeasureOptions,
    /** What is measured, for messages: "blood pressure measurement". */
    private readonly what: string,
  ) {
    this.failed = new Promise<never>((_, reject) => {
      this.fail = reject;
    });
    // Observed through guard(); this handler only keeps a failure nobody waits for from being reported as unhandled.
    this.failed.catch(() => undefined);
    const name = transport.device.name === '' ? 'The device' : transport.device.name;
    this.detach.push(
      transport.onDisconnect((cause) =>
        this.fail(
          new DeviceBridgeError('disconnected', `${name} disconnected during the ${what}: nothing was kept. Take it again.`, { cause }),
        ),
      ),
    );
    const signal = options.signal;
    if (signal !== undefined) {
      const onAbort = (): void => this.fail(abortError(signal, capitalise(`the ${what}`)));
      signal.addEventListener('abort', onAbort, { once: true });
      this.detach.push(() => signal.removeEventListener('abort', onAbort));
    }
  }

  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  /** Reports progress to the caller. */
  progress(progress: MeasurementProgress): void {
    this.options.onProgress?.(progress);
  }

  /** Ends the measurement with `error` (a handler met something it cannot accept). */
  abandon(error: unknown): void {
    this.fail(error);
  }

  /** Subscribes; each value is recorded, then handed to `handler`, whose throw ends the measurement with that error. */
  async subscribe(service: BluetoothUuid, characteristic: BluetoothUuid, handler: (value: DataView) => void): Promise<void> {
    const id = uuid128(characteristic);
    const pending = this.transport.subscribe(
      service,
      characteristic,
      (value) => {
        if (this.closed) return;
        this.notifications.push({ characteristic: id, hex: bytesToHex(value) });
        try {
          handler(value);
        } catch (error) {
          // Whatever a handler throws (a refused value, a device's error report) is the measurement's outcome.
          this.fail(error);
        }
      },
      { signal: this.signal },
    );
    this.cleanups.push(async () => (await pending)());
    await this.guard(pending);
  }

  write(service: BluetoothUuid, characteristic: BluetoothUuid, value: Uint8Array, options: WriteOptions = {}): Promise<void> {
    return this.guard(this.transport.write(service, characteristic, value, { signal: this.signal, ...options }));
  }

  read(service: BluetoothUuid, characteristic: BluetoothUuid): Promise<DataView> {
    return this.guard(this.transport.read(service, characteristic, { signal: this.signal }));
  }

  hasCharacteristic(service: BluetoothUuid, characteristic: BluetoothUuid): Promise<boolean> {
    return this.guard(this.transport.hasCharacteristic(service, characteristic, { signal: this.signal }));
  }

  /** `promise`, unless the session fails first. */
  guard<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.failed]);
  }

  /** `promise`, unless the session fails first or `timeoutMs` pass (then 'timeout' with `message`); the timer is always cleared. */
  async within<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeviceBridgeError('timeout', message)), timeoutMs);
    });
    try {
      return await Promise.race([promise, this.failed, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The fields every measurement carries, with the notifications received so far. */
  base<F extends DeviceFamily>(family: F, driver: string): MeasurementBase<F> {
    const now = this.options.now ?? (() => new Date());
    return {
      family,
      driver,
      device: { ...this.transport.device },
      receivedAt: now().toISOString(),
      notifications: [...this.notifications],
    };
  }

  /** Undoes the subscriptions and stops listening; later notifications are ignored. */
  async close(): Promise<void> {
    this.closed = true;
    for (const detach of this.detach) detach();
    for (const cleanup of this.cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        // Expected when the link is already down or the device is slow: the listener is gone either way.
        if (!(error instanceof DeviceBridgeError)) throw error;
      }
    }
  }
}

/** Connects when needed, runs `body` in a session, and closes the session however `body` ends. */
export async function withSession<T>(
  transport: GattTransport,
  options: MeasureOptions,
  what: string,
  body: (session: MeasurementSession) => Promise<T>,
): Promise<T> {
  if (options.signal?.aborted) throw abortError(options.signal, capitalise(`the ${what}`));
  if (!transport.connected) await transport.connect({ signal: options.signal });
  const session = new MeasurementSession(transport, options, what);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
