/**
 * Plays a virtual peripheral's reactions: on each subscription or write it
 * fires the matching reactions and plays their next batch, event by event,
 * through `deliver` (which the in-process transport and the CDP emulation
 * each implement). Delays are multiplied by `timeScale`: 1 plays in real time
 * (demo mode), 0 as fast as the receiver takes them (tests).
 */
import type { ScriptedEvent, VirtualPeripheral, Reaction } from './virtual-peripheral';

/** Options of a {@link PeripheralRunner}. */
export interface PeripheralRunnerOptions {
  /** Factor applied to every scripted delay (default 1). */
  timeScale?: number;
  /** Performs one event; the next one of the same batch waits for it. */
  deliver: (event: ScriptedEvent) => void | Promise<void>;
  /** Receives what `deliver` throws (the batch stops there); without it the error is rethrown. */
  onError?: (error: unknown) => void;
}

/** A value the page wrote, as lowercase hex. */
export interface WrittenValue {
  characteristic: string;
  hex: string;
}

/** Runs one peripheral's script. */
export class PeripheralRunner {
  /** Every value written to the peripheral, in order (tests check that a stop command was sent). */
  readonly writes: WrittenValue[] = [];
  private readonly fired = new Map<string, number>();
  private readonly playing = new Map<string, Set<AbortController>>();
  private readonly timeScale: number;
  private readonly deliver: PeripheralRunnerOptions['deliver'];
  private readonly onError: (error: unknown) => void;

  constructor(
    readonly peripheral: VirtualPeripheral,
    options: PeripheralRunnerOptions,
  ) {
    this.timeScale = options.timeScale ?? 1;
    if (!(this.timeScale >= 0 && Number.isFinite(this.timeScale))) {
      throw new TypeError(`PeripheralRunner: timeScale must be a finite number ≥ 0, got ${this.timeScale}`);
    }
    this.deliver = options.deliver;
    this.onError =
      options.onError ??
      ((error) => {
        throw error;
      });
  }

  /** Batches still playing. */
  get activeBatches(): number {
    let count = 0;
    for (const set of this.playing.values()) count += set.size;
    return count;
  }

  /** The page subscribed to `characteristic` (128-bit, lower case). */
  subscribed(characteristic: string): void {
    for (const reaction of this.peripheral.reactions) {
      if (reaction.on === 'subscribe' && reaction.characteristic === characteristic) this.fire(reaction);
    }
  }

  /** The page unsubscribed from `characteristic`: what its subscription started stops, as a device stops notifying. */
  unsubscribed(characteristic: string): void {
    for (const reaction of this.peripheral.reactions) {
      if (reaction.on === 'subscribe' && reaction.characteristic === characteristic) this.cancel(reaction.id);
    }
  }

  /** The page wrote `hex` to `characteristic`. */
  written(characteristic: string, hex: string): void {
    this.writes.push({ characteristic, hex });
    for (const reaction of this.peripheral.reactions) {
      if (reaction.on !== 'write' || reaction.characteristic !== characteristic) continue;
      if (reaction.writePrefix !== undefined && !hex.startsWith(reaction.writePrefix)) continue;
      this.fire(reaction);
    }
  }

  /** Drops every event still pending (the link went down). */
  stopAll(): void {
    for (const id of [...this.playing.keys()]) this.cancel(id);
  }

  private fire(reaction: Reaction): void {
    for (const id of reaction.cancels ?? []) this.cancel(id);
    const count = this.fired.get(reaction.id) ?? 0;
    this.fired.set(reaction.id, count + 1);
    const batch = reaction.batches[count] ?? (reaction.repeatLast ? reaction.batches.at(-1) : undefined);
    if (batch === undefined || batch.length === 0) return;
    const controller = new AbortController();
    const set = this.playing.get(reaction.id) ?? new Set();
    set.add(controller);
    this.playing.set(reaction.id, set);
    void this.play(batch, controller.signal)
      .catch((error: unknown) => this.onError(error))
      .finally(() => set.delete(controller));
  }

  private cancel(id: string): void {
    const set = this.playing.get(id);
    if (set === undefined) return;
    for (const controller of set) controller.abort();
    set.clear();
  }

  private async play(batch: readonly ScriptedEvent[], signal: AbortSignal): Promise<void> {
    for (const event of batch) {
      await pause(event.delayMs * this.timeScale, signal);
      if (signal.aborted) return;
      await this.deliver(event);
    }
  }
}

/** Waits `ms` (a macrotask when > 0, a microtask otherwise); returns early, without rejecting, when aborted. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
