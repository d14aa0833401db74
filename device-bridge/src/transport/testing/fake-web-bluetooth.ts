/**
 * Test helper: an in-memory Web Bluetooth device shaped like the browser's,
 * with hooks to hold an answer back, fail a call or drop the link. Each
 * connection hands out fresh characteristic objects, as a browser does after
 * a reconnection. Not exported from the package.
 */
import { uuid128, type BluetoothUuid } from '../uuid';
import type {
  BluetoothDeviceLike,
  CharacteristicPropertiesLike,
  GattCharacteristicLike,
  GattServerLike,
  GattServiceLike,
} from '../web-bluetooth';

/** An Error with the `name` a DOMException would carry. */
export class FakeDomError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

type Listener = (event: unknown) => void;

class Listeners {
  private readonly byType = new Map<string, Set<Listener>>();
  add(type: string, listener: Listener): void {
    const set = this.byType.get(type) ?? new Set();
    set.add(listener);
    this.byType.set(type, set);
  }
  remove(type: string, listener: Listener): void {
    this.byType.get(type)?.delete(listener);
  }
  count(type: string): number {
    return this.byType.get(type)?.size ?? 0;
  }
  fire(type: string, event: unknown): void {
    for (const listener of [...(this.byType.get(type) ?? [])]) listener(event);
  }
}

/** What the fake device offers: characteristic properties and read values by service and characteristic. */
export interface FakeServiceSpec {
  uuid: BluetoothUuid;
  characteristics: { uuid: BluetoothUuid; properties: CharacteristicPropertiesLike; value?: number[] }[];
}

/** Every call the device sees, in order: "connect", "listen 2a37", "start 2a37", "write 2a52 0101" … */
export type CallLog = string[];

const short = (uuid: string): string => (uuid.endsWith('-0000-1000-8000-00805f9b34fb') ? uuid.slice(4, 8) : uuid);

export class FakeCharacteristic implements GattCharacteristicLike {
  readonly uuid: string;
  value: DataView | null = null;
  private readonly listeners = new Listeners();
  constructor(
    private readonly device: FakeBluetoothDevice,
    readonly service: string,
    uuid: string,
    readonly properties: CharacteristicPropertiesLike,
    private readonly stored: number[] | undefined,
  ) {
    this.uuid = uuid;
  }
  get listenerCount(): number {
    return this.listeners.count('characteristicvaluechanged');
  }
  addEventListener(type: string, listener: Listener): void {
    this.device.log.push(`listen ${short(this.uuid)}`);
    this.listeners.add(type, listener);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.listeners.remove(type, listener);
  }
  readValue(): Promise<DataView> {
    return this.device.answer(`read ${short(this.uuid)}`, () => new DataView(Uint8Array.from(this.stored ?? []).buffer));
  }
  writeValueWithResponse(value: Uint8Array): Promise<void> {
    return this.device.answer(`write ${short(this.uuid)} ${hex(value)}`, () => undefined);
  }
  writeValueWithoutResponse(value: Uint8Array): Promise<void> {
    return this.device.answer(`write-without-response ${short(this.uuid)} ${hex(value)}`, () => undefined);
  }
  startNotifications(): Promise<GattCharacteristicLike> {
    return this.device.answer(`start ${short(this.uuid)}`, () => this);
  }
  stopNotifications(): Promise<GattCharacteristicLike> {
    return this.device.answer(`stop ${short(this.uuid)}`, () => this);
  }
  /** The device notifies `bytes`. */
  notify(bytes: number[]): void {
    this.value = new DataView(Uint8Array.from(bytes).buffer);
    this.listeners.fire('characteristicvaluechanged', { target: this });
  }
}

/** A fake BluetoothDevice with one GATT server. */
export class FakeBluetoothDevice implements BluetoothDeviceLike {
  readonly log: CallLog = [];
  readonly gatt: GattServerLike;
  /** Calls whose label starts with one of these never answer (until the test resolves them by hand). */
  readonly hang = new Set<string>();
  /** Calls whose label starts with a key fail with the error, once. */
  readonly failOnce = new Map<string, Error>();
  /** Characteristics of the current connection, by 128-bit UUID. */
  characteristics = new Map<string, FakeCharacteristic>();
  private readonly listeners = new Listeners();
  private isConnected = false;

  constructor(
    readonly id: string,
    readonly name: string,
    private readonly services: FakeServiceSpec[],
  ) {
    this.gatt = new FakeGattServer(this);
  }

  get connected(): boolean {
    return this.isConnected;
  }

  /** Called by the server: the link is up, with fresh characteristic objects. */
  linkUp(): void {
    this.isConnected = true;
    this.characteristics = new Map();
  }

  /** Called by the server: the page closed the link. */
  linkDown(): void {
    this.log.push('disconnect');
    this.isConnected = false;
  }

  /** The primary services of the device, as the browser hands them out. */
  primaryService(uuid: BluetoothUuid): GattServiceLike {
    return this.service(uuid128(uuid));
  }

  primaryServices(): GattServiceLike[] {
    return this.services.map((spec) => this.service(uuid128(spec.uuid)));
  }

  get disconnectListenerCount(): number {
    return this.listeners.count('gattserverdisconnected');
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.add(type, listener);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.listeners.remove(type, listener);
  }

  /** The characteristic object of the current connection. */
  characteristic(uuid: BluetoothUuid): FakeCharacteristic {
    const found = this.characteristics.get(uuid128(uuid));
    if (found === undefined) throw new Error(`no characteristic ${String(uuid)} fetched in this connection`);
    return found;
  }

  /** The device goes out of range. */
  dropLink(): void {
    this.isConnected = false;
    this.log.push('dropped');
    this.listeners.fire('gattserverdisconnected', { target: this });
  }

  /** Logs a call and answers it, unless told to hang or fail. */
  answer<T>(label: string, value: () => T): Promise<T> {
    this.log.push(label);
    for (const prefix of this.hang) if (label.startsWith(prefix)) return new Promise<T>(() => undefined);
    for (const [prefix, error] of this.failOnce) {
      if (label.startsWith(prefix)) {
        this.failOnce.delete(prefix);
        return Promise.reject(error);
      }
    }
    if (label !== 'connect' && !this.isConnected) return Promise.reject(new FakeDomError('NetworkError', 'GATT Server is disconnected.'));
    return Promise.resolve().then(value);
  }

  private service(uuid: string): GattServiceLike {
    const spec = this.services.find((s) => uuid128(s.uuid) === uuid);
    if (spec === undefined) throw new FakeDomError('NotFoundError', `No Services matching UUID ${uuid} found in Device.`);
    return {
      uuid,
      getCharacteristic: (characteristic) =>
        this.answer(`characteristic ${short(uuid128(characteristic))}`, () => {
          const wanted = uuid128(characteristic);
          const found = spec.characteristics.find((c) => uuid128(c.uuid) === wanted);
          if (found === undefined) throw new FakeDomError('NotFoundError', `No Characteristics matching UUID ${wanted} found in Service.`);
          const existing = this.characteristics.get(wanted);
          if (existing !== undefined) return existing;
          const created = new FakeCharacteristic(this, uuid, wanted, found.properties, found.value);
          this.characteristics.set(wanted, created);
          return created;
        }),
    };
  }
}

class FakeGattServer implements GattServerLike {
  constructor(private readonly device: FakeBluetoothDevice) {}
  get connected(): boolean {
    return this.device.connected;
  }
  connect(): Promise<GattServerLike> {
    return this.device.answer('connect', () => {
      this.device.linkUp();
      return this;
    });
  }
  disconnect(): void {
    this.device.linkDown();
  }
  getPrimaryService(uuid: BluetoothUuid): Promise<GattServiceLike> {
    return this.device.answer(`service ${short(uuid128(uuid))}`, () => this.device.primaryService(uuid));
  }
  getPrimaryServices(): Promise<GattServiceLike[]> {
    return this.device.answer('services', () => this.device.primaryServices());
  }
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
