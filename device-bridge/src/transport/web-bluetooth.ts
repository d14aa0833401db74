/**
 * The part of Web Bluetooth this package uses, typed here so that the code
 * compiles without DOM typings for Bluetooth (TypeScript's DOM library has
 * none) and so that tests can pass plain objects. A browser's
 * `navigator.bluetooth` and its `BluetoothDevice` objects fit these shapes.
 */
import type { BluetoothUuid } from './uuid';

/** addEventListener / removeEventListener, as much as is used. */
export interface EventTargetLike {
  addEventListener(type: string, listener: (event: unknown) => void): void;
  removeEventListener(type: string, listener: (event: unknown) => void): void;
}

/** One `requestDevice` filter: every field given must match. */
export interface ScanFilterLike {
  services?: BluetoothUuid[];
  name?: string;
  namePrefix?: string;
}

/** Options of `navigator.bluetooth.requestDevice`. */
export interface RequestDeviceOptionsLike {
  filters?: ScanFilterLike[];
  /** Every service used later must be listed here or in a filter, vendor services too. */
  optionalServices?: BluetoothUuid[];
  acceptAllDevices?: boolean;
}

/** `navigator.bluetooth`. */
export interface BluetoothLike {
  requestDevice(options: RequestDeviceOptionsLike): Promise<BluetoothDeviceLike>;
  /** Devices this origin was already granted; behind a flag in Chrome, hence optional. */
  getDevices?(): Promise<BluetoothDeviceLike[]>;
  getAvailability?(): Promise<boolean>;
}

/** A `BluetoothDevice`; fires `gattserverdisconnected`. */
export interface BluetoothDeviceLike extends EventTargetLike {
  readonly id: string;
  readonly name?: string | null;
  readonly gatt?: GattServerLike | null;
}

/** A `BluetoothRemoteGATTServer`. */
export interface GattServerLike {
  readonly connected: boolean;
  connect(): Promise<GattServerLike>;
  disconnect(): void;
  getPrimaryService(service: BluetoothUuid): Promise<GattServiceLike>;
  getPrimaryServices(): Promise<GattServiceLike[]>;
}

/** A `BluetoothRemoteGATTService`. */
export interface GattServiceLike {
  readonly uuid: string;
  getCharacteristic(characteristic: BluetoothUuid): Promise<GattCharacteristicLike>;
}

/** The properties of a characteristic, as much as is used. */
export interface CharacteristicPropertiesLike {
  readonly read?: boolean;
  readonly write?: boolean;
  readonly writeWithoutResponse?: boolean;
  readonly notify?: boolean;
  readonly indicate?: boolean;
}

/** A `BluetoothRemoteGATTCharacteristic`; fires `characteristicvaluechanged`. */
export interface GattCharacteristicLike extends EventTargetLike {
  readonly uuid: string;
  readonly properties?: CharacteristicPropertiesLike;
  /** The last value read or notified. */
  readonly value?: DataView | null;
  readValue(): Promise<DataView>;
  writeValueWithResponse?(value: Uint8Array): Promise<void>;
  writeValueWithoutResponse?(value: Uint8Array): Promise<void>;
  /** The older call, deprecated in the specification but the only one in some browsers. */
  writeValue?(value: Uint8Array): Promise<void>;
  startNotifications(): Promise<GattCharacteristicLike>;
  stopNotifications(): Promise<GattCharacteristicLike>;
}
