/** Pieces every virtual peripheral shares: characteristics, Device Information and Battery services, common options. */
import { BATTERY_UUIDS } from '../gatt/battery';
import { DEVICE_INFORMATION_UUIDS } from '../gatt/device-information';
import type { PeripheralFault, VirtualCharacteristic, VirtualCharacteristicProperties, VirtualService } from './virtual-peripheral';

/** Options every generator takes. */
export interface PeripheralOptions {
  /** Advertised name (each generator has a default that its driver recognises). */
  name?: string;
  /** Bluetooth address for the emulation. */
  address?: string;
  fault?: PeripheralFault;
}

/** The device clock of every simulated reading unless told otherwise. */
export const SIMULATED_TIME = '2025-06-01T09:30:00';

/** A characteristic; `text` values are encoded as UTF-8. */
export function characteristic(
  uuid: string,
  properties: VirtualCharacteristicProperties,
  value?: string | { text: string },
): VirtualCharacteristic {
  const hex =
    typeof value === 'object' ? Array.from(new TextEncoder().encode(value.text), (b) => b.toString(16).padStart(2, '0')).join('') : value;
  return hex === undefined ? { uuid, properties } : { uuid, properties, value: hex };
}

/** Device Information with manufacturer, model and firmware strings. */
export function deviceInformationService(manufacturer: string, model: string): VirtualService {
  const uuids = DEVICE_INFORMATION_UUIDS;
  return {
    uuid: uuids.service,
    characteristics: [
      characteristic(uuids.manufacturerName, { read: true }, { text: manufacturer }),
      characteristic(uuids.modelNumber, { read: true }, { text: model }),
      characteristic(uuids.firmwareRevision, { read: true }, { text: '1.0.0-sim' }),
    ],
  };
}

/** Battery service at `level` %. */
export function batteryService(level: number): VirtualService {
  return {
    uuid: BATTERY_UUIDS.service,
    characteristics: [characteristic(BATTERY_UUIDS.batteryLevel, { read: true, notify: true }, level.toString(16).padStart(2, '0'))],
  };
}
