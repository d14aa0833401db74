/**
 * A virtual peripheral as plain data (JSON-serialisable: UUIDs and hex
 * strings), so that the same description drives the in-process
 * SimulatedTransport (tests, training/demo mode) and Chromium's Bluetooth
 * emulation over CDP (end-to-end tests).
 *
 *   services      what the device offers: characteristics with their properties
 *                 and, for reads, a value
 *   reactions     what it does when the page subscribes to a characteristic or
 *                 writes to it: the n-th time a reaction fires it plays its
 *                 n-th batch of events (notifications and disconnections, each
 *                 after a delay from the previous event)
 *
 * A scripted fault is built into the batches: the first attempt goes wrong,
 * the next one (after reconnecting) works, as a real retry would.
 */
import type { DeviceFamily } from '../drivers/measurement';

/** The faults a virtual peripheral can play. */
export type PeripheralFault =
  /** The link drops halfway through the measurement. */
  | 'disconnect-mid-measurement'
  /** One value the measurement depends on is malformed (too short, or a bad checksum). */
  | 'bad-bytes'
  /** The device stays silent: no reading, no answer to commands. */
  | 'timeout';

/** The faults, for pickers and loops. */
export const PERIPHERAL_FAULTS: readonly PeripheralFault[] = ['disconnect-mid-measurement', 'bad-bytes', 'timeout'];

/** Characteristic properties as the Bluetooth emulation takes them. */
export interface VirtualCharacteristicProperties {
  read?: boolean;
  write?: boolean;
  writeWithoutResponse?: boolean;
  notify?: boolean;
  indicate?: boolean;
}

/** One characteristic. */
export interface VirtualCharacteristic {
  /** 128-bit, lower case. */
  uuid: string;
  properties: VirtualCharacteristicProperties;
  /** What a read answers, lowercase hex (absent: empty). */
  value?: string;
}

/** One primary service. */
export interface VirtualService {
  /** 128-bit, lower case. */
  uuid: string;
  characteristics: VirtualCharacteristic[];
}

/** Something the peripheral does, `delayMs` after the previous event of its batch (or after the trigger). */
export type ScriptedEvent =
  { kind: 'notify'; characteristic: string; hex: string; delayMs: number } | { kind: 'disconnect'; delayMs: number };

/** What the peripheral does when the page subscribes to, or writes to, a characteristic. */
export interface Reaction {
  /** Unique within the peripheral, e.g. "ecg-start". */
  id: string;
  on: 'subscribe' | 'write';
  characteristic: string;
  /** For writes: lowercase hex the written bytes must start with (absent: any write). */
  writePrefix?: string;
  /** Played one per firing, in order. */
  batches: ScriptedEvent[][];
  /** Once the batches are used up, play the last one again on each firing (else do nothing). */
  repeatLast?: boolean;
  /** Reactions whose events still pending are dropped when this one fires (a stop command ends a stream). */
  cancels?: string[];
}

/** A whole virtual peripheral. */
export interface VirtualPeripheral {
  /** Advertised name. */
  name: string;
  /** Bluetooth address for the emulation ("C0:FF:EE:00:00:01"); the in-process transport uses it as device id. */
  address: string;
  family: DeviceFamily;
  /** What it imitates, in English, for a demo picker. */
  description: string;
  services: VirtualService[];
  reactions: Reaction[];
  /** The fault scripted into the reactions, if any. */
  fault?: PeripheralFault;
}

/** A value the device sends, before it is cut into notifications. */
export interface Frame {
  characteristic: string;
  bytes: Uint8Array;
  /** Delay from the previous frame, ms. */
  delayMs: number;
}

/**
 * How a fault spoils a frame: drop its last byte (the generators end every
 * such frame with a flagged field, so the decoder finds it missing), or flip
 * a bit of its last byte (a checksum).
 */
export type Corruption = 'truncate' | 'checksum';

/** Cuts frames into notifications of at most `size` bytes (20 before an MTU exchange), the first chunk carrying the delay. */
export function framesToEvents(frames: readonly Frame[], size = 244): ScriptedEvent[] {
  const events: ScriptedEvent[] = [];
  for (const frame of frames) {
    for (let at = 0; at < frame.bytes.length || at === 0; at += size) {
      const hex = toHex(frame.bytes.subarray(at, at + size));
      events.push({ kind: 'notify', characteristic: frame.characteristic, hex, delayMs: at === 0 ? frame.delayMs : 0 });
    }
  }
  return events;
}

/** Spoils a frame's bytes the way `corruption` says. */
export function corrupt(bytes: Uint8Array, corruption: Corruption): Uint8Array {
  if (corruption === 'truncate') return bytes.slice(0, bytes.length - 1);
  const spoiled = bytes.slice();
  spoiled[spoiled.length - 1] ^= 0x01;
  return spoiled;
}

/** What a generator needs to script a fault into one measurement's frames. */
export interface FaultPlan {
  fault: PeripheralFault | undefined;
  /** The frame 'bad-bytes' spoils (default: the last, usually the result). */
  badFrame?: number;
  corruption: Corruption;
  /** Notification size for framesToEvents. */
  notificationSize?: number;
  /** Frames sent before 'disconnect-mid-measurement' drops the link (default: half of them). */
  disconnectAfter?: number;
}

/**
 * The batches of a reaction that plays one measurement: without a fault, the
 * measurement on every firing; with one, the faulty attempt first, then the
 * good measurement on every later firing.
 */
export function measurementBatches(frames: readonly Frame[], plan: FaultPlan): Pick<Reaction, 'batches' | 'repeatLast'> {
  const good = framesToEvents(frames, plan.notificationSize);
  switch (plan.fault) {
    case undefined:
      return { batches: [good], repeatLast: true };
    case 'timeout':
      return { batches: [[], good], repeatLast: true };
    case 'disconnect-mid-measurement': {
      // Halfway through the frames, and halfway to the next one (a one-frame measurement never arrives).
      const half = plan.disconnectAfter ?? Math.floor(frames.length / 2);
      const cut = framesToEvents(frames.slice(0, half), plan.notificationSize);
      const delayMs = Math.round((frames[half]?.delayMs ?? 200) / 2);
      return { batches: [[...cut, { kind: 'disconnect', delayMs }], good], repeatLast: true };
    }
    case 'bad-bytes': {
      const index = plan.badFrame ?? frames.length - 1;
      const spoiled = frames.map((frame, i) => (i === index ? { ...frame, bytes: corrupt(frame.bytes, plan.corruption) } : frame));
      return { batches: [framesToEvents(spoiled, plan.notificationSize), good], repeatLast: true };
    }
  }
}

/** Frames from events placed on a time line (ms from the trigger), in time order. */
export function timeline(entries: readonly { atMs: number; characteristic: string; bytes: Uint8Array }[]): Frame[] {
  const sorted = [...entries].sort((a, b) => a.atMs - b.atMs);
  let previous = 0;
  return sorted.map((entry) => {
    const frame = { characteristic: entry.characteristic, bytes: entry.bytes, delayMs: entry.atMs - previous };
    previous = entry.atMs;
    return frame;
  });
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
