/**
 * The small GATT interface every driver talks to. The Web Bluetooth transport
 * implements it over a browser `BluetoothDevice`; the simulator implements it
 * in-process; tests script it. No driver touches `navigator.bluetooth`.
 *
 * Service and characteristic UUIDs may be given as 16-bit aliases or 128-bit
 * strings; implementations compare them in their lowercase 128-bit form.
 */
import type { DeviceBridgeError } from './errors';
import type { BluetoothUuid } from './uuid';

/** Who the device is, as the browser names it. */
export interface DeviceIdentity {
  /** The browser's opaque id for the device (stable per origin while permission lasts). */
  id: string;
  /** The advertised name; '' when the device has none. */
  name: string;
}

/** Receives each notified or indicated value, a copy the listener may keep. */
export type NotificationListener = (value: DataView) => void;

/** Ends a subscription: the listener is removed and the device told to stop notifying (when still connected). */
export type Unsubscribe = () => Promise<void>;

/** Options every GATT operation accepts. */
export interface OperationOptions {
  /** Aborts the operation, queued or running, with a DeviceBridgeError('aborted'). */
  signal?: AbortSignal;
}

/** How to write a value. */
export interface WriteOptions extends OperationOptions {
  /**
   * Write with response (the device acknowledges) or without. Left out, the
   * transport chooses from the characteristic's properties, preferring with
   * response.
   */
  withResponse?: boolean;
}

/** One connection to one device; every operation is queued, timed out and abortable. */
export interface GattTransport {
  readonly device: DeviceIdentity;
  /** Whether the link is up now. */
  readonly connected: boolean;
  /** Connects (does nothing when already connected); rejects with 'timeout', 'aborted' or 'gatt-error'. */
  connect(options?: OperationOptions): Promise<void>;
  /** Closes the link for good: no reconnection; queued operations reject with 'disconnected'. */
  disconnect(): Promise<void>;
  /** The primary services the device offers (and the page may use), as 128-bit UUIDs. */
  services(options?: OperationOptions): Promise<string[]>;
  /** Whether the service holds the characteristic (false when either is missing). */
  hasCharacteristic(service: BluetoothUuid, characteristic: BluetoothUuid, options?: OperationOptions): Promise<boolean>;
  read(service: BluetoothUuid, characteristic: BluetoothUuid, options?: OperationOptions): Promise<DataView>;
  write(service: BluetoothUuid, characteristic: BluetoothUuid, value: Uint8Array, options?: WriteOptions): Promise<void>;
  /**
   * Starts notifications or indications; the listener is attached before the
   * device is told to start, so a value sent at once is not lost.
   */
  subscribe(
    service: BluetoothUuid,
    characteristic: BluetoothUuid,
    listener: NotificationListener,
    options?: OperationOptions,
  ): Promise<Unsubscribe>;
  /** Called each time the link goes down, whoever closed it; returns a function that removes the listener. */
  onDisconnect(listener: (error: DeviceBridgeError) => void): () => void;
}
