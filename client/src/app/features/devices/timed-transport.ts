/**
 * A GattTransport that notes when each notification arrives (a monotonic
 * clock, `performance.now()` by default) and otherwise passes everything to
 * the transport it wraps: the measure page reports the time from the
 * driver's last notification to the stored observation with it.
 */
import type {
  BluetoothUuid as Uuid,
  DeviceBridgeError,
  DeviceIdentity,
  GattTransport,
  NotificationListener,
  OperationOptions,
  Unsubscribe,
  WriteOptions,
} from '@prossima/device-bridge';

/** Wraps a transport and times its notifications. */
export class TimedTransport implements GattTransport {
  private last: number | undefined;

  constructor(
    /** The transport that talks to the device (Web Bluetooth, or the simulator). */
    readonly inner: GattTransport,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get device(): DeviceIdentity {
    return this.inner.device;
  }

  get connected(): boolean {
    return this.inner.connected;
  }

  /** When the latest notification arrived (by the clock given), or undefined since the last reset. */
  get lastNotificationAt(): number | undefined {
    return this.last;
  }

  /** Forgets the last notification's time (before a new measurement). */
  resetTiming(): void {
    this.last = undefined;
  }

  connect(options?: OperationOptions): Promise<void> {
    return this.inner.connect(options);
  }

  disconnect(): Promise<void> {
    return this.inner.disconnect();
  }

  services(options?: OperationOptions): Promise<string[]> {
    return this.inner.services(options);
  }

  hasCharacteristic(service: Uuid, characteristic: Uuid, options?: OperationOptions): Promise<boolean> {
    return this.inner.hasCharacteristic(service, characteristic, options);
  }

  read(service: Uuid, characteristic: Uuid, options?: OperationOptions): Promise<DataView> {
    return this.inner.read(service, characteristic, options);
  }

  write(service: Uuid, characteristic: Uuid, value: Uint8Array, options?: WriteOptions): Promise<void> {
    return this.inner.write(service, characteristic, value, options);
  }

  subscribe(service: Uuid, characteristic: Uuid, listener: NotificationListener, options?: OperationOptions): Promise<Unsubscribe> {
    return this.inner.subscribe(
      service,
      characteristic,
      (value) => {
        this.last = this.now();
        listener(value);
      },
      options,
    );
  }

  onDisconnect(listener: (error: DeviceBridgeError) => void): () => void {
    return this.inner.onDisconnect(listener);
  }
}
