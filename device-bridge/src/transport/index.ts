// The Bluetooth transport: the GattTransport interface drivers use, its Web
// Bluetooth implementation, the operation queue, reconnection and the chooser.
export { DeviceBridgeError } from './errors';
export type { DeviceBridgeErrorCode } from './errors';

export type { DeviceIdentity, GattTransport, NotificationListener, OperationOptions, Unsubscribe, WriteOptions } from './gatt-transport';

export { DEFAULT_OPERATION_TIMEOUT_MS, GattOperationQueue } from './gatt-operation-queue';
export type { QueuedOperationOptions } from './gatt-operation-queue';

export { DEFAULT_RECONNECT_POLICY, reconnectDelayMs, validateReconnectPolicy } from './backoff';
export type { ReconnectPolicy } from './backoff';

export { WebBluetoothTransport } from './web-bluetooth-transport';
export type { TransportState, WebBluetoothTransportOptions } from './web-bluetooth-transport';

export { bluetoothFromNavigator, rememberedDevices, requestKitDevice } from './device-chooser';
export type { KitDeviceChoice } from './device-chooser';

export type {
  BluetoothDeviceLike,
  BluetoothLike,
  CharacteristicPropertiesLike,
  EventTargetLike,
  GattCharacteristicLike,
  GattServerLike,
  GattServiceLike,
  RequestDeviceOptionsLike,
  ScanFilterLike,
} from './web-bluetooth';

export { uuid128 } from './uuid';
export type { BluetoothUuid } from './uuid';

export { bytesToHex, hexToBytes } from './hex';
