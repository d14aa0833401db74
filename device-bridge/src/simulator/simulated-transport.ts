/**
 * A GattTransport over a virtual peripheral, in-process: for driver tests and
 * for the app's training/demo mode (the same drivers, no Bluetooth). Every
 * operation goes through a GattOperationQueue, as on a real device, so
 * timeouts and aborts behave the same.
 */
import { DeviceBridgeError } from '../transport/errors';
import { GattOperationQueue } from '../transport/gatt-operation-queue';
import type {
  DeviceIdentity,
  GattTransport,
  NotificationListener,
  OperationOptions,
  Unsubscribe,
  WriteOptions,
} from '../transport/gatt-transport';
import { bytesToHex, hexToBytes } from '../transport/hex';
import { uuid128, uuidLabel, type BluetoothUuid } from '../transport/uuid';
import { PeripheralRunner, type WrittenValue } from './peripheral-runner';
import type { ScriptedEvent, VirtualCharacteristic, VirtualPeripheral } from './virtual-peripheral';

/** Options of a {@link SimulatedTransport}. */
export interface SimulatedTransportOptions {
  /** Factor applied to the script's delays: 1 real time (demo), 0 as fast as possible (tests). Default 1. */
  timeScale?: number;
  /** Time each operation gets (default 8 s, as the Web Bluetooth transport). */
  operationTimeoutMs?: number;
}

/** Talks to a virtual peripheral as if it were a Bluetooth device. */
export class SimulatedTransport implements GattTransport {
  readonly device: DeviceIdentity;
  private readonly queue: GattOperationQueue;
  private readonly runner: PeripheralRunner;
  private readonly listeners = new Map<string, Set<NotificationListener>>();
  private readonly disconnectListeners = new Set<(error: DeviceBridgeError) => void>();
  private link = false;

  constructor(
    readonly peripheral: VirtualPeripheral,
    options: SimulatedTransportOptions = {},
  ) {
    this.device = { id: peripheral.address, name: peripheral.name };
    this.queue = new GattOperationQueue({ timeoutMs: options.operationTimeoutMs });
    this.runner = new PeripheralRunner(peripheral, { timeScale: options.timeScale, deliver: (event) => this.play(event) });
  }

  get connected(): boolean {
    return this.link;
  }

  /** Every value written to the peripheral, in order. */
  get writes(): readonly WrittenValue[] {
    return this.runner.writes;
  }

  connect(options: OperationOptions = {}): Promise<void> {
    return this.queue.run(
      'connecting',
      async () => {
        this.link = true;
      },
      options,
    );
  }

  async disconnect(): Promise<void> {
    this.drop(new DeviceBridgeError('disconnected', `The link to ${this.device.name} was closed`));
  }

  /** The peripheral drops the link (out of range, battery removed), as the demo's "disconnect" button does. */
  simulateDisconnection(): void {
    this.drop(new DeviceBridgeError('disconnected', `${this.device.name} disconnected`));
  }

  onDisconnect(listener: (error: DeviceBridgeError) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }

  services(options: OperationOptions = {}): Promise<string[]> {
    return this.operation('listing services', options, () => this.peripheral.services.map((service) => service.uuid));
  }

  hasCharacteristic(service: BluetoothUuid, characteristic: BluetoothUuid, options: OperationOptions = {}): Promise<boolean> {
    return this.operation(`looking for ${uuidLabel(characteristic)}`, options, () => this.find(service, characteristic) !== undefined);
  }

  read(service: BluetoothUuid, characteristic: BluetoothUuid, options: OperationOptions = {}): Promise<DataView> {
    return this.operation(`reading ${uuidLabel(characteristic)}`, options, () => {
      const found = this.require(service, characteristic, 'read');
      return new DataView(hexToBytes(found.value ?? '').buffer);
    });
  }

  write(service: BluetoothUuid, characteristic: BluetoothUuid, value: Uint8Array, options: WriteOptions = {}): Promise<void> {
    return this.operation(`writing ${uuidLabel(characteristic)}`, options, () => {
      const found = this.require(service, characteristic, 'write');
      this.runner.written(found.uuid, bytesToHex(value));
    });
  }

  async subscribe(
    service: BluetoothUuid,
    characteristic: BluetoothUuid,
    listener: NotificationListener,
    options: OperationOptions = {},
  ): Promise<Unsubscribe> {
    const uuid = uuid128(characteristic);
    await this.operation(`subscribing to ${uuidLabel(characteristic)}`, options, () => {
      this.require(service, characteristic, 'notify');
      const set = this.listeners.get(uuid) ?? new Set();
      set.add(listener);
      this.listeners.set(uuid, set);
      this.runner.subscribed(uuid);
    });
    return async () => {
      const set = this.listeners.get(uuid);
      if (set === undefined || !set.delete(listener) || set.size > 0) return;
      this.runner.unsubscribed(uuid);
    };
  }

  private play(event: ScriptedEvent): void {
    if (!this.link) return;
    if (event.kind === 'disconnect') {
      this.simulateDisconnection();
      return;
    }
    const bytes = hexToBytes(event.hex);
    for (const listener of [...(this.listeners.get(event.characteristic) ?? [])]) listener(new DataView(bytes.slice().buffer));
  }

  private drop(error: DeviceBridgeError): void {
    if (!this.link) return;
    this.link = false;
    this.runner.stopAll();
    this.listeners.clear();
    this.queue.rejectAll(error);
    for (const listener of [...this.disconnectListeners]) listener(error);
  }

  private operation<T>(label: string, options: OperationOptions, run: () => T): Promise<T> {
    if (!this.link) return Promise.reject(new DeviceBridgeError('disconnected', `${this.device.name} is not connected (${label})`));
    return this.queue.run(label, async () => run(), options);
  }

  private find(service: BluetoothUuid, characteristic: BluetoothUuid): VirtualCharacteristic | undefined {
    const [s, c] = [uuid128(service), uuid128(characteristic)];
    return this.peripheral.services.find((entry) => entry.uuid === s)?.characteristics.find((entry) => entry.uuid === c);
  }

  private require(service: BluetoothUuid, characteristic: BluetoothUuid, use: 'read' | 'write' | 'notify'): VirtualCharacteristic {
    const found = this.find(service, characteristic);
    const label = uuidLabel(characteristic);
    if (found === undefined) throw new DeviceBridgeError('gatt-error', `${this.device.name} has no characteristic ${label}`);
    const p = found.properties;
    const allowed = use === 'read' ? p.read : use === 'write' ? p.write || p.writeWithoutResponse : p.notify || p.indicate;
    if (!allowed) throw new DeviceBridgeError('gatt-error', `${label} on ${this.device.name} does not support ${use}`);
    return found;
  }
}
