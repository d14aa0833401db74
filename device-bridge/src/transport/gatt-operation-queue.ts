/**
 * One queue of GATT operations per device. Web Bluetooth refuses a second
 * operation while one is in flight ("GATT operation already in progress"),
 * so every read, write, subscription and connection waits its turn here.
 *
 *   run(A) ─┐  ┌─ A runs ─┐  ┌─ B runs ─┐  ┌─ C runs ─┐
 *   run(B) ─┤  └──────────┘  └──────────┘  └──────────┘
 *   run(C) ─┘     each under its own timeout; its timer cleared however it ends
 *
 * A timed-out or aborted operation is rejected at once and the queue moves on:
 * the browser cannot cancel a GATT request, so its late answer is ignored.
 * An aborted signal rejects the operation whether it is running or still
 * queued; `rejectAll` (on disconnection) rejects all of them.
 */
import { abortError, DeviceBridgeError } from './errors';

/** Default time a device gets to answer one GATT operation (the reference advises 5–10 s). */
export const DEFAULT_OPERATION_TIMEOUT_MS = 8_000;

/** Options of one queued operation. */
export interface QueuedOperationOptions {
  /** Overrides the queue's timeout for this operation. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

interface Entry {
  label: string;
  operation: () => Promise<unknown>;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  settled: boolean;
  timer?: ReturnType<typeof setTimeout>;
  onAbort?: () => void;
}

/** Serialises GATT operations, each with a timeout and an optional AbortSignal. */
export class GattOperationQueue {
  private readonly waiting: Entry[] = [];
  private running: Entry | undefined;
  private readonly timeoutMs: number;

  constructor(options: { timeoutMs?: number } = {}) {
    this.timeoutMs = requireTimeout(options.timeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS);
  }

  /** Operations queued or running. */
  get size(): number {
    return this.waiting.length + (this.running === undefined ? 0 : 1);
  }

  /** Runs `operation` after the ones before it; `label` names it in timeout and abort messages ("reading 2A19"). */
  run<T>(label: string, operation: () => Promise<T>, options: QueuedOperationOptions = {}): Promise<T> {
    const timeoutMs = requireTimeout(options.timeoutMs ?? this.timeoutMs);
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal, capitalise(label)));
    return new Promise<T>((resolve, reject) => {
      const entry: Entry = {
        label,
        operation,
        timeoutMs,
        signal,
        resolve: resolve as (value: unknown) => void,
        reject,
        settled: false,
      };
      if (signal !== undefined) {
        entry.onAbort = () => this.settle(entry, { ok: false, error: abortError(signal, capitalise(label)) });
        signal.addEventListener('abort', entry.onAbort, { once: true });
      }
      this.waiting.push(entry);
      this.pump();
    });
  }

  /** Rejects the running operation and every queued one with `error` (the link dropped, or was closed). */
  rejectAll(error: DeviceBridgeError): void {
    for (const entry of [...(this.running === undefined ? [] : [this.running]), ...this.waiting]) {
      this.settle(entry, { ok: false, error });
    }
  }

  private pump(): void {
    if (this.running !== undefined) return;
    const entry = this.waiting.shift();
    if (entry === undefined) return;
    this.running = entry;
    entry.timer = setTimeout(() => {
      const seconds = Math.round(entry.timeoutMs / 100) / 10;
      const error = new DeviceBridgeError('timeout', `The device did not answer in time (${entry.label}, ${seconds} s)`);
      this.settle(entry, { ok: false, error });
    }, entry.timeoutMs);
    let result: Promise<unknown>;
    try {
      result = entry.operation();
    } catch (error) {
      // A synchronous throw is the operation's failure, like a rejection.
      result = Promise.reject(error);
    }
    result.then(
      (value) => this.settle(entry, { ok: true, value }),
      (error: unknown) => this.settle(entry, { ok: false, error }),
    );
  }

  private settle(entry: Entry, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): void {
    if (entry.settled) return;
    entry.settled = true;
    clearTimeout(entry.timer);
    if (entry.onAbort !== undefined) entry.signal?.removeEventListener('abort', entry.onAbort);
    const queued = this.waiting.indexOf(entry);
    if (queued >= 0) this.waiting.splice(queued, 1);
    if (outcome.ok) entry.resolve(outcome.value);
    else entry.reject(outcome.error);
    if (this.running === entry) {
      this.running = undefined;
      this.pump();
    }
  }
}

function requireTimeout(timeoutMs: number): number {
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new TypeError(`GattOperationQueue: timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  return timeoutMs;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
