/**
 * Bluetooth UUIDs. The SIG assigns 16-bit aliases (0x2A37) that stand for
 * 128-bit UUIDs on the Bluetooth Base UUID:
 *
 *   0000xxxx-0000-1000-8000-00805f9b34fb
 *
 * Web Bluetooth reports every service and characteristic by its full
 * lowercase 128-bit form (`characteristic.uuid`), so the decoders' UUID
 * constants are written that way and compare with `===`.
 */

/** The full lowercase 128-bit UUID of a 16- or 32-bit SIG alias, as `BluetoothUUID.canonicalUUID` gives it. */
export function canonicalUuid(alias: number): string {
  if (!Number.isInteger(alias) || alias < 0 || alias > 0xffffffff) {
    throw new RangeError(`canonicalUuid(): expected an integer alias 0–0xFFFFFFFF, got ${alias}`);
  }
  return `${alias.toString(16).padStart(8, '0')}-0000-1000-8000-00805f9b34fb`;
}
