/**
 * Battery level and Device Information, for any device that offers them.
 * The serial number (2A25) is on the Web Bluetooth blocklist and never read;
 * serials must come from vendor protocols.
 */
import { BATTERY_UUIDS, parseBatteryLevel } from '../gatt/battery';
import {
  DEVICE_INFORMATION_UUIDS,
  parseDeviceInformation,
  type DeviceInformation,
  type DeviceInformationValues,
} from '../gatt/device-information';
import type { GattTransport, OperationOptions } from '../transport/gatt-transport';

/** Device Information characteristics read, by their name in DeviceInformation (the serial number is left out). */
const READABLE: readonly (keyof DeviceInformationValues)[] = [
  'manufacturerName',
  'modelNumber',
  'hardwareRevision',
  'firmwareRevision',
  'softwareRevision',
  'systemId',
  'pnpId',
];

/** The battery level in %, or undefined when the device has no Battery service. */
export async function readBatteryLevel(transport: GattTransport, options: OperationOptions = {}): Promise<number | undefined> {
  if (!(await transport.hasCharacteristic(BATTERY_UUIDS.service, BATTERY_UUIDS.batteryLevel, options))) return undefined;
  return parseBatteryLevel(await transport.read(BATTERY_UUIDS.service, BATTERY_UUIDS.batteryLevel, options));
}

/** What the Device Information service says (each field optional; {} without the service). */
export async function readDeviceInformation(transport: GattTransport, options: OperationOptions = {}): Promise<DeviceInformation> {
  const values: DeviceInformationValues = {};
  for (const key of READABLE) {
    const uuid = DEVICE_INFORMATION_UUIDS[key];
    if (await transport.hasCharacteristic(DEVICE_INFORMATION_UUIDS.service, uuid, options)) {
      values[key] = await transport.read(DEVICE_INFORMATION_UUIDS.service, uuid, options);
    }
  }
  return parseDeviceInformation(values);
}
