/**
 * GattTransport over a Web Bluetooth `BluetoothDevice` handed in by the caller
 * (from `requestKitDevice` or `rememberedDevices`); nothing here reads
 * `navigator`.
 *
 *   connect ──► connected ──gattserverdisconnected──► reconnecting ──► connected
 *                  │                                    │  back-off, connect,
 *                  │ disconnect()                       │  fetch services again,
 *                  ▼                                    │  subscribe again
 *                closed                                 └─ attempts used up ──► lost
 *
 * Every GATT call goes through one {@link GattOperationQueue}. Characteristic
 * objects are cached per connection and fetched again after a reconnection.
 * A subscription attaches its `characteristicvaluechanged` listener before
 * `startNotifications()`: a store-and-forward device sends its backlog at once.
 */
import { abortableDelay, DEFAULT_RECONNECT_POLICY, reconnectDelayMs, validateReconnectPolicy, type ReconnectPolicy } from './backoff';
import { DeviceBridgeError } from './errors';
import { GattOperationQueue } from './gatt-operation-queue';
import type { DeviceIdentity, GattTransport, NotificationListener, OperationOptions, Unsubscribe, WriteOptions } from './gatt-transport';
import { uuid128, uuidLabel, type BluetoothUuid } from './uuid';
import type { BluetoothDeviceLike, GattCharacteristicLike, GattServerLike } from './web-bluetooth';

/** Where the link stands. */
export type TransportState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'lost' | 'closed';

/** Options of a {@link WebBluetoothTransport}. */
export interface WebBluetoothTransportOptions {
  /** Time each GATT operation gets (default 8 s). */
  operationTimeoutMs?: number;
  /** Time a connection attempt gets (default 15 s). */
  connectTimeoutMs?: number;
  /** Retry policy after an unexpected disconnection, or false for none (default {@link DEFAULT_RECONNECT_POLICY}). */
  reconnect?: ReconnectPolicy | false;
  /** Source of jitter, in [0, 1) (default Math.random). */
  random?: () => number;
}

interface Subscription {
  service: string;
  characteristic: string;
  listener: NotificationListener;
  attached?: { target: GattCharacteristicLike; handler: () => void };
}

const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;

/** One queued, timed-out, reconnecting GATT connection to one browser Bluetooth device. */
export class WebBluetoothTransport implements GattTransport {
  readonly device: DeviceIdentity;
  private readonly queue: GattOperationQueue;
  private readonly connectTimeoutMs: number;
  private readonly policy: ReconnectPolicy | false;
  private readonly random: () => number;
  private server: GattServerLike | undefined;
  private readonly characteristics = new Map<string, Promise<GattCharacteristicLike>>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly disconnectListeners = new Set<(error: DeviceBridgeError) => void>();
  private readonly stateListeners = new Set<(state: TransportState) => void>();
  private currentState: TransportState = 'idle';
  private reconnection: AbortController | undefined;
  private listening = false;

  constructor(
    private readonly bluetoothDevice: BluetoothDeviceLike,
    options: WebBluetoothTransportOptions = {},
  ) {
    this.device = { id: bluetoothDevice.id, name: bluetoothDevice.name ?? '' };
    this.queue = new GattOperationQueue({ timeoutMs: options.operationTimeoutMs });
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const policy = options.reconnect ?? DEFAULT_RECONNECT_POLICY;
    this.policy = policy === false ? false : validateReconnectPolicy({ ...policy });
    this.random = options.random ?? Math.random;
  }

  /** Where the link stands now. */
  get state(): TransportState {
    return this.currentState;
  }

  get connected(): boolean {
    return this.currentState === 'connected';
  }

  /** Called on every change of {@link state}; returns a function that removes the listener. */
  onStateChange(listener: (state: TransportState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onDisconnect(listener: (error: DeviceBridgeError) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }

  async connect(options: OperationOptions = {}): Promise<void> {
    if (this.currentState === 'connected') return;
    const gatt = this.gattServer();
    // A connection asked for by the caller replaces any reconnection under way.
    this.reconnection?.abort();
    this.reconnection = undefined;
    if (!this.listening) {
      this.bluetoothDevice.addEventListener('gattserverdisconnected', this.onGattServerDisconnected);
      this.listening = true;
    }
    this.setState('connecting');
    try {
      await this.openLink(gatt, options.signal);
      await this.resubscribe(options.signal);
    } catch (error) {
      this.setState('idle');
      throw error;
    }
    this.setState('connected');
  }

  async disconnect(): Promise<void> {
    this.reconnection?.abort();
    this.reconnection = undefined;
    const wasUp = this.currentState === 'connected' || this.currentState === 'reconnecting';
    const error = new DeviceBridgeError('disconnected', `The link to ${this.label} was closed`);
    this.setState('closed');
    this.dropLink(error);
    this.subscriptions.clear();
    this.bluetoothDevice.removeEventListener('gattserverdisconnected', this.onGattServerDisconnected);
    this.listening = false;
    this.bluetoothDevice.gatt?.disconnect();
    if (wasUp) this.emitDisconnect(error);
  }

  services(options: OperationOptions = {}): Promise<string[]> {
    return this.operation('listing services', options.signal, async () => {
      const services = await this.requireServer().getPrimaryServices();
      return services.map((service) => service.uuid.toLowerCase());
    });
  }

  hasCharacteristic(service: BluetoothUuid, characteristic: BluetoothUuid, options: OperationOptions = {}): Promise<boolean> {
    const [s, c] = [uuid128(service), uuid128(characteristic)];
    return this.operation(`looking for ${uuidLabel(c)}`, options.signal, async () => {
      try {
        await this.characteristic(s, c);
        return true;
      } catch (error) {
        // Web Bluetooth rejects with NotFoundError when the service or characteristic is absent.
        if (isDomError(error, 'NotFoundError')) return false;
        throw error;
      }
    });
  }

  read(service: BluetoothUuid, characteristic: BluetoothUuid, options: OperationOptions = {}): Promise<DataView> {
    const [s, c] = [uuid128(service), uuid128(characteristic)];
    return this.operation(`reading ${uuidLabel(c)}`, options.signal, async () =>
      copyView(await (await this.characteristic(s, c)).readValue()),
    );
  }

  write(service: BluetoothUuid, characteristic: BluetoothUuid, value: Uint8Array, options: WriteOptions = {}): Promise<void> {
    const [s, c] = [uuid128(service), uuid128(characteristic)];
    const label = `writing ${uuidLabel(c)}`;
    return this.operation(label, options.signal, async () => {
      const target = await this.characteristic(s, c);
      const properties = target.properties;
      // Prefer an acknowledged write; fall back to what the characteristic supports.
      const withResponse = options.withResponse ?? (properties?.write === true || properties?.writeWithoutResponse !== true);
      const bytes = value.slice();
      const method = withResponse ? target.writeValueWithResponse : target.writeValueWithoutResponse;
      if (method !== undefined) return method.call(target, bytes);
      if (target.writeValue !== undefined) return target.writeValue(bytes);
      throw new DeviceBridgeError('gatt-error', `This browser cannot write to ${uuidLabel(c)} on ${this.label}`);
    });
  }

  async subscribe(
    service: BluetoothUuid,
    characteristic: BluetoothUuid,
    listener: NotificationListener,
    options: OperationOptions = {},
  ): Promise<Unsubscribe> {
    const subscription: Subscription = { service: uuid128(service), characteristic: uuid128(characteristic), listener };
    const label = uuidLabel(subscription.characteristic);
    await this.operation(`subscribing to ${label}`, options.signal, () => this.attach(subscription));
    this.subscriptions.add(subscription);
    return async () => {
      if (!this.subscriptions.delete(subscription)) return;
      const target = subscription.attached?.target;
      this.detach(subscription);
      if (target === undefined || !this.connected) return;
      await this.operation(`unsubscribing from ${label}`, undefined, async () => {
        await target.stopNotifications();
      });
    };
  }

  private readonly onGattServerDisconnected = (): void => {
    const error = new DeviceBridgeError('disconnected', `${capitalise(this.label)} disconnected`);
    const wasConnected = this.currentState === 'connected';
    this.dropLink(error);
    // During a reconnection attempt, the attempt fails and the loop goes on; otherwise the event is stale.
    if (!wasConnected) return;
    this.emitDisconnect(error);
    if (this.policy === false || this.policy.maxAttempts === 0) {
      this.setState('lost');
      return;
    }
    void this.reconnect(this.policy, this.gattServer());
  };

  private async reconnect(policy: ReconnectPolicy, gatt: GattServerLike): Promise<void> {
    const controller = new AbortController();
    this.reconnection = controller;
    this.setState('reconnecting');
    for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
      try {
        await abortableDelay(reconnectDelayMs(attempt, policy, this.random), controller.signal);
        await this.openLink(gatt, controller.signal);
        await this.resubscribe(controller.signal);
        this.reconnection = undefined;
        this.setState('connected');
        return;
      } catch (error) {
        // Expected: 'aborted' (closed, or replaced by connect()), and 'timeout', 'gatt-error' or
        // 'disconnected' from this attempt, which the next attempt may overcome.
        if (!(error instanceof DeviceBridgeError)) throw error;
        if (controller.signal.aborted) return;
      }
    }
    this.reconnection = undefined;
    this.setState('lost');
  }

  private async openLink(gatt: GattServerLike, signal: AbortSignal | undefined): Promise<void> {
    this.characteristics.clear();
    try {
      this.server = await this.queue.run('connecting', () => gatt.connect(), { timeoutMs: this.connectTimeoutMs, signal });
    } catch (error) {
      // Cancels a connection attempt still pending in the browser after a timeout or an abort.
      if (error instanceof DeviceBridgeError) gatt.disconnect();
      throw this.failure(error, 'connecting');
    }
  }

  /** Subscribes again, on the new connection's characteristic objects, to everything still subscribed. */
  private async resubscribe(signal: AbortSignal | undefined): Promise<void> {
    for (const subscription of this.subscriptions) {
      const label = `subscribing again to ${uuidLabel(subscription.characteristic)}`;
      try {
        await this.queue.run(label, () => this.attach(subscription), { signal });
      } catch (error) {
        throw this.failure(error, label);
      }
    }
  }

  private dropLink(error: DeviceBridgeError): void {
    this.server = undefined;
    this.characteristics.clear();
    for (const subscription of this.subscriptions) this.detach(subscription);
    this.queue.rejectAll(error);
  }

  private async attach(subscription: Subscription): Promise<void> {
    this.detach(subscription);
    const target = await this.characteristic(subscription.service, subscription.characteristic);
    const handler = (): void => {
      const value = target.value;
      if (value) subscription.listener(copyView(value));
    };
    target.addEventListener('characteristicvaluechanged', handler);
    subscription.attached = { target, handler };
    try {
      await target.startNotifications();
    } catch (error) {
      this.detach(subscription);
      throw error;
    }
  }

  private detach(subscription: Subscription): void {
    const attached = subscription.attached;
    if (attached === undefined) return;
    attached.target.removeEventListener('characteristicvaluechanged', attached.handler);
    subscription.attached = undefined;
  }

  private characteristic(service: string, characteristic: string): Promise<GattCharacteristicLike> {
    const key = `${service} ${characteristic}`;
    let found = this.characteristics.get(key);
    if (found === undefined) {
      const server = this.requireServer();
      found = server.getPrimaryService(service).then((s) => s.getCharacteristic(characteristic));
      const cached = found;
      this.characteristics.set(key, cached);
      // A failed look-up is not remembered: the next call asks the device again.
      cached.catch(() => {
        if (this.characteristics.get(key) === cached) this.characteristics.delete(key);
      });
    }
    return found;
  }

  private async operation<T>(label: string, signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
    if (!this.connected) throw new DeviceBridgeError('disconnected', `${capitalise(this.label)} is not connected (${label})`);
    try {
      return await this.queue.run(label, run, { signal });
    } catch (error) {
      throw this.failure(error, label);
    }
  }

  private failure(error: unknown, label: string): DeviceBridgeError {
    if (error instanceof DeviceBridgeError) return error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new DeviceBridgeError('gatt-error', `${capitalise(label)} on ${this.label} failed (${detail})`, { cause: error });
  }

  private requireServer(): GattServerLike {
    if (this.server === undefined) throw new DeviceBridgeError('disconnected', `${capitalise(this.label)} is not connected`);
    return this.server;
  }

  private gattServer(): GattServerLike {
    const gatt = this.bluetoothDevice.gatt;
    if (!gatt) throw new DeviceBridgeError('gatt-error', `${capitalise(this.label)} offers no GATT server`);
    return gatt;
  }

  private emitDisconnect(error: DeviceBridgeError): void {
    for (const listener of [...this.disconnectListeners]) listener(error);
  }

  private setState(state: TransportState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }

  private get label(): string {
    return this.device.name === '' ? 'the device' : this.device.name;
  }
}

/** A copy of a notified value: the browser may reuse the buffer behind the next one. */
function copyView(view: DataView): DataView {
  return new DataView(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

function isDomError(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
