/**
 * The one error class of the Bluetooth layer (transport, drivers, simulator).
 * A value that cannot be decoded is a different matter and stays a
 * {@link MeasurementFormatError}: the client maps both to a message once.
 */

/** Stable reasons a Bluetooth operation or a measurement failed; callers switch on them, so never rename one. */
export type DeviceBridgeErrorCode =
  /** The browser has no Web Bluetooth (Firefox, Safari, iOS, or Linux without the flag). */
  | 'unsupported-browser'
  /** No driver reads this device. */
  | 'unknown-device'
  /** The device did not answer in time. */
  | 'timeout'
  /** The caller cancelled (AbortSignal), or the device chooser was closed. */
  | 'aborted'
  /** The link dropped; whatever was in progress is lost. */
  | 'disconnected'
  /** The browser's GATT layer refused an operation (characteristic missing, not permitted, link error). */
  | 'gatt-error'
  /** The device ended the measurement without a result (its own error, electrodes off, a refused request). */
  | 'measurement-incomplete';

/** A Bluetooth operation or a measurement failed; `message` is plain English meant to be shown (or translated by code). */
export class DeviceBridgeError extends Error {
  override readonly name = 'DeviceBridgeError';
  /** Stable machine-readable reason. */
  readonly code: DeviceBridgeErrorCode;

  constructor(code: DeviceBridgeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The AbortSignal's error: its reason when that is already a DeviceBridgeError, else a plain 'aborted' one. */
export function abortError(signal: AbortSignal, what: string): DeviceBridgeError {
  const reason: unknown = signal.reason;
  if (reason instanceof DeviceBridgeError) return reason;
  return new DeviceBridgeError('aborted', `${what} was cancelled`, { cause: reason });
}
