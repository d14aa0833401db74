/**
 * The one place that turns what the Bluetooth layer throws into a message
 * key of `devices.errors.*` (Italian and English in the i18n files): a
 * DeviceBridgeError by its stable code, a value the decoders refused
 * (MeasurementFormatError) as bad data. Every message says whether anything
 * was saved and what to do next.
 */
import { DeviceBridgeError, MeasurementFormatError } from '@prossima/device-bridge';

/** What was being done when it failed: the same code can mean different things. */
export type DeviceAction = 'pair' | 'measure' | 'battery';

/** The translation key of the message for `error`, met while doing `action`. */
export function deviceErrorKey(error: unknown, action: DeviceAction): string {
  if (error instanceof MeasurementFormatError) return 'devices.errors.bad-data';
  if (!(error instanceof DeviceBridgeError)) return 'devices.errors.unexpected';
  switch (error.code) {
    case 'aborted':
      // Closing the chooser also rejects with 'aborted': nothing was chosen, nothing was measured.
      return action === 'pair' ? 'devices.errors.no-device-chosen' : 'devices.errors.aborted';
    case 'disconnected':
      return action === 'measure' ? 'devices.errors.disconnected' : 'devices.errors.disconnected-idle';
    case 'unsupported-browser':
    case 'unknown-device':
    case 'timeout':
    case 'gatt-error':
    case 'measurement-incomplete':
      return `devices.errors.${error.code}`;
  }
}
