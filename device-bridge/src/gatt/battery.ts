/**
 * Battery service (0x180F): Battery Level (0x2A19, read and often notify),
 * one byte, the charge in percent:
 *
 *   ┌───────────┐
 *   │ level 0–100 │   101–255 reserved
 *   └───────────┘
 *     u8
 *
 *   `5A` → 90 %
 */
import { requireMandatory, requireWithin } from './field-reader';

/** Battery service and characteristic UUIDs (full 128-bit, lowercase). */
export const BATTERY_UUIDS = {
  service: '0000180f-0000-1000-8000-00805f9b34fb',
  batteryLevel: '00002a19-0000-1000-8000-00805f9b34fb',
} as const;

const CHARACTERISTIC = 'Battery Level';

/** Parses Battery Level (0x2A19) into a percentage 0–100; anything above 100 throws MeasurementFormatError('out-of-range'). */
export function parseBatteryLevel(view: DataView): number {
  requireMandatory(view, 1, CHARACTERISTIC, 'u8 level');
  return requireWithin(view.getUint8(0), 0, 100, 'battery level', CHARACTERISTIC);
}
