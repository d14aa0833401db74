/**
 * Deterministic ids for what a Bluetooth device sends, so that the same
 * reading offered twice (the meter sends its memory again, "Salva" pressed
 * twice, a retry after a half-finished sync) gets the same id and is stored
 * once.
 *
 *   obs-dev-<device key>-<marker>-<kind>
 *
 *   device key  FNV-1a 64 of the browser's Bluetooth id (16 hex digits): the
 *               browser id is case-sensitive base64 ("Lm8Tq1Vx…==") and does
 *               not fit the lower-case id pattern as it is
 *   marker      s<sequence> when the device numbers its records,
 *               t<device time> when it stamps them (digits and letters only),
 *               r<epoch ms of receivedAt> otherwise (the end of the measurement)
 *   kind        blood-pressure, heart-rate, spo2, body-temperature, …
 *
 * The patient is not part of the id: one reading belongs to one person, and
 * the same reading offered for another patient must not be stored twice.
 */
import { DOCUMENT_ID_PATTERN } from '@prossima/domain';

const ID = new RegExp(DOCUMENT_ID_PATTERN);

/** FNV-1a 64-bit hash of a string's UTF-16 code units, as 16 lower-case hex digits. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** The stable key of a Bluetooth device in ids (its browser id, or the simulator's address, hashed). */
export function deviceKey(bluetoothId: string): string {
  return fnv1a64(bluetoothId);
}

/** What identifies one reading of a device, as a driver reports it. */
export interface ReadingIdentity {
  deviceSequenceNumber?: number;
  deviceTime?: string;
  /** ISO instant the measurement completed. */
  receivedAt: string;
}

/** `s<sequence>`, `t<device time>` or `r<epoch ms>`: the part of the id that tells one reading from another. */
export function readingMarker(reading: ReadingIdentity): string {
  if (reading.deviceSequenceNumber !== undefined && Number.isInteger(reading.deviceSequenceNumber) && reading.deviceSequenceNumber >= 0) {
    return `s${reading.deviceSequenceNumber}`;
  }
  const time = reading.deviceTime?.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (time) return `t${time}`;
  const at = Date.parse(reading.receivedAt);
  if (!Number.isFinite(at)) throw new TypeError(`readingMarker(): receivedAt "${reading.receivedAt}" is not an instant`);
  return `r${at}`;
}

/** The id of one observation of one reading; throws TypeError when the parts do not make a valid document id. */
export function deviceObservationId(key: string, marker: string, kind: string): string {
  const id = `obs-dev-${key}-${marker}-${kind}`.toLowerCase();
  if (!ID.test(id)) throw new TypeError(`deviceObservationId(): "${id}" is not a valid document id`);
  return id;
}

/** The `source.deviceId` of a device nobody paired yet (no DeviceDoc): `ble-<device key>`. */
export function unpairedDeviceId(bluetoothId: string): string {
  return `ble-${deviceKey(bluetoothId)}`;
}

/** The id of a new DeviceDoc: `dev-<owner>-<device key>`, the same when the same device is paired again. */
export function pairedDeviceDocId(owner: string, bluetoothId: string): string {
  const safeOwner = owner.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 40).replace(/^-+/, '') || 'kit';
  return `dev-${safeOwner}-${deviceKey(bluetoothId)}`;
}
