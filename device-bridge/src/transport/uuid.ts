/**
 * Bluetooth UUIDs as the transports compare them: full lowercase 128-bit
 * strings, the form Web Bluetooth reports in `characteristic.uuid`.
 */
import { canonicalUuid } from '../gatt/uuid';

/** A 16-/32-bit SIG alias (0x2a37, "2a37"), or a 128-bit UUID in any case. */
export type BluetoothUuid = string | number;

const FULL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ALIAS = /^(?:[0-9a-f]{4}|[0-9a-f]{8})$/;

/** The lowercase 128-bit form of a UUID or alias; throws TypeError for anything else (GATT names such as "heart_rate" are not accepted). */
export function uuid128(uuid: BluetoothUuid): string {
  if (typeof uuid === 'number') return canonicalUuid(uuid);
  const text = uuid.toLowerCase();
  if (FULL.test(text)) return text;
  if (ALIAS.test(text)) return canonicalUuid(parseInt(text, 16));
  throw new TypeError(`uuid128(): expected a 128-bit UUID or a 16/32-bit hex alias, got "${uuid}"`);
}

/** A short label for messages: the 16-bit alias ("2A35") for SIG UUIDs, the full UUID otherwise. */
export function uuidLabel(uuid: BluetoothUuid): string {
  const full = uuid128(uuid);
  return full.endsWith('-0000-1000-8000-00805f9b34fb') && full.startsWith('0000') ? full.slice(4, 8).toUpperCase() : full;
}
