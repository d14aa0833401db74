/**
 * Finding the device: the browser's chooser (`requestDevice`, which needs a
 * user gesture and a secure context) or, where the browser has it,
 * `getDevices()` for devices this origin was already granted, so a remembered
 * kit device reconnects after a reload without the chooser. `getDevices()` is
 * still behind a flag in Chrome: callers must cope with an empty list.
 */
import { DeviceBridgeError } from './errors';
import type { BluetoothDeviceLike, BluetoothLike, RequestDeviceOptionsLike } from './web-bluetooth';

const UNSUPPORTED_MESSAGE =
  'This browser cannot use Bluetooth devices. Use Chrome or Edge on Android, Windows, macOS or ChromeOS, or type the reading in by hand.';

/** `navigator.bluetooth`, read when called (never at import); throws DeviceBridgeError('unsupported-browser') when absent. */
export function bluetoothFromNavigator(navigatorLike: unknown = (globalThis as { navigator?: unknown }).navigator): BluetoothLike {
  const bluetooth = (navigatorLike as { bluetooth?: unknown } | undefined)?.bluetooth;
  if (typeof bluetooth !== 'object' || bluetooth === null || typeof (bluetooth as BluetoothLike).requestDevice !== 'function') {
    throw new DeviceBridgeError('unsupported-browser', UNSUPPORTED_MESSAGE);
  }
  return bluetooth as BluetoothLike;
}

/** The devices this origin may reconnect to without the chooser; [] where the browser lacks `getDevices()`. */
export async function rememberedDevices(bluetooth: BluetoothLike): Promise<BluetoothDeviceLike[]> {
  if (typeof bluetooth.getDevices !== 'function') return [];
  try {
    return await bluetooth.getDevices();
  } catch (error) {
    throw chooserFailure(error);
  }
}

/** Which remembered device to prefer over the chooser. */
export interface KitDeviceChoice {
  /** The browser id of the device paired before (kept with the kit); used when `getDevices()` still lists it. */
  rememberedId?: string;
}

/**
 * The kit device to use: the remembered one when `getDevices()` still lists
 * it, otherwise the one the user picks in the chooser. Rejects with
 * DeviceBridgeError: 'aborted' when the chooser is closed, 'gatt-error' when
 * the browser refuses (no user gesture, not a secure page, adapter off).
 */
export async function requestKitDevice(
  bluetooth: BluetoothLike,
  options: RequestDeviceOptionsLike,
  choice: KitDeviceChoice = {},
): Promise<BluetoothDeviceLike> {
  if (choice.rememberedId !== undefined) {
    const known = (await rememberedDevices(bluetooth)).find((device) => device.id === choice.rememberedId);
    if (known !== undefined) return known;
  }
  try {
    return await bluetooth.requestDevice(options);
  } catch (error) {
    throw chooserFailure(error);
  }
}

function chooserFailure(error: unknown): DeviceBridgeError {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'NotFoundError') {
    return new DeviceBridgeError('aborted', 'No device was chosen (or Bluetooth is off)', { cause: error });
  }
  if (name === 'SecurityError') {
    return new DeviceBridgeError(
      'gatt-error',
      `The browser refused Bluetooth here: it needs a secure page and a tap on a button (${detail})`,
      {
        cause: error,
      },
    );
  }
  return new DeviceBridgeError('gatt-error', `The browser could not look for Bluetooth devices (${detail})`, { cause: error });
}
