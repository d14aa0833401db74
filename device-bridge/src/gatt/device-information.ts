/**
 * Device Information service (0x180A), all read-only:
 *
 *   2A29 manufacturer name · 2A24 model number · 2A25 serial number ·
 *   2A27 hardware revision · 2A26 firmware revision · 2A28 software revision
 *     UTF-8 text filling the value, with no length byte; devices often pad it
 *     with NULs, so the text ends at the first NUL.
 *
 *   2A23 System ID, 8 bytes:
 *   ┌─────────────────────────────┬────────────────────────────────────┐
 *   │ manufacturer-defined id     │ organizationally unique id (OUI)   │
 *   └─────────────────────────────┴────────────────────────────────────┘
 *     u40 LE                        u24 LE
 *
 *   2A50 PnP ID, 7 bytes:
 *   ┌───────────────┬───────────┬────────────┬─────────────────┐
 *   │ vendor source │ vendor id │ product id │ product version │
 *   └───────────────┴───────────┴────────────┴─────────────────┘
 *     u8              u16 LE      u16 LE       u16 LE 0xJJMN → JJ.M.N
 *     1 Bluetooth SIG, 2 USB-IF; others reserved
 *
 * The serial number (2A25) is on the Web Bluetooth blocklist: in the browser
 * it cannot be read, and serials come from vendor protocols instead.
 */
import { MeasurementFormatError } from '../errors';
import { enumValue, requireMandatory } from './field-reader';

/** Device Information service and characteristic UUIDs (full 128-bit, lowercase). */
export const DEVICE_INFORMATION_UUIDS = {
  service: '0000180a-0000-1000-8000-00805f9b34fb',
  systemId: '00002a23-0000-1000-8000-00805f9b34fb',
  modelNumber: '00002a24-0000-1000-8000-00805f9b34fb',
  /** Blocklisted in Web Bluetooth: reading it is refused. */
  serialNumber: '00002a25-0000-1000-8000-00805f9b34fb',
  firmwareRevision: '00002a26-0000-1000-8000-00805f9b34fb',
  hardwareRevision: '00002a27-0000-1000-8000-00805f9b34fb',
  softwareRevision: '00002a28-0000-1000-8000-00805f9b34fb',
  manufacturerName: '00002a29-0000-1000-8000-00805f9b34fb',
  pnpId: '00002a50-0000-1000-8000-00805f9b34fb',
} as const;

/** The text characteristics of the Device Information service. */
export type DeviceInformationText =
  | 'manufacturerName'
  | 'modelNumber'
  | 'serialNumber'
  | 'hardwareRevision'
  | 'firmwareRevision'
  | 'softwareRevision';

/** System ID (0x2A23), as lowercase hex, most significant digit first. */
export interface SystemId {
  /** 40-bit manufacturer-defined identifier, 10 hex digits. */
  manufacturerIdentifier: string;
  /** 24-bit IEEE organizationally unique identifier, 6 hex digits. */
  organizationallyUniqueIdentifier: string;
}

/** PnP ID (0x2A50). */
export interface PnpId {
  vendorIdSource: 'bluetooth-sig' | 'usb-if';
  vendorId: number;
  productId: number;
  /** Version as sent, 0xJJMN. */
  productVersion: number;
  /** The same as "major.minor.subminor", e.g. 0x0123 → "1.2.3". */
  productVersionText: string;
}

/** Whatever the Device Information service offered, each value optional. */
export type DeviceInformation = Partial<Record<DeviceInformationText, string>> & {
  systemId?: SystemId;
  pnpId?: PnpId;
};

/** The raw values read from the Device Information service, by the name they get in {@link DeviceInformation}. */
export type DeviceInformationValues = Partial<Record<keyof DeviceInformation, DataView>>;

const NAMES: Readonly<Record<DeviceInformationText, string>> = {
  manufacturerName: 'Manufacturer Name String',
  modelNumber: 'Model Number String',
  serialNumber: 'Serial Number String',
  hardwareRevision: 'Hardware Revision String',
  firmwareRevision: 'Firmware Revision String',
  softwareRevision: 'Software Revision String',
};

const VENDOR_ID_SOURCES: ReadonlyMap<number, PnpId['vendorIdSource']> = new Map([
  [1, 'bluetooth-sig'],
  [2, 'usb-if'],
]);

/** Parses the values read from the Device Information service; throws MeasurementFormatError naming the first one that is malformed. */
export function parseDeviceInformation(values: DeviceInformationValues): DeviceInformation {
  const info: DeviceInformation = {};
  for (const key of Object.keys(NAMES) as DeviceInformationText[]) {
    const view = values[key];
    if (view !== undefined) info[key] = parseDeviceInformationText(view, key);
  }
  if (values.systemId !== undefined) info.systemId = parseSystemId(values.systemId);
  if (values.pnpId !== undefined) info.pnpId = parsePnpId(values.pnpId);
  return info;
}

/** Parses one text characteristic (manufacturer name, model number …): UTF-8 up to the first NUL; invalid UTF-8 throws MeasurementFormatError('inconsistent'). */
export function parseDeviceInformationText(view: DataView, which: DeviceInformationText): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const nul = bytes.indexOf(0);
  // Built per call, not at import: the package touches no globals while loading.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(nul === -1 ? bytes : bytes.subarray(0, nul));
  } catch (error) {
    // TextDecoder with fatal: true throws a TypeError for malformed UTF-8.
    if (!(error instanceof TypeError)) throw error;
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: NAMES[which],
      detail: 'the text is not valid UTF-8',
    });
  }
}

/** Parses System ID (0x2A23). */
export function parseSystemId(view: DataView): SystemId {
  requireMandatory(view, 8, 'System ID', 'u40 manufacturer identifier and u24 OUI');
  const hexDigits = (from: number, to: number): string => {
    let digits = '';
    for (let i = to - 1; i >= from; i--) digits += view.getUint8(i).toString(16).padStart(2, '0');
    return digits;
  };
  return { manufacturerIdentifier: hexDigits(0, 5), organizationallyUniqueIdentifier: hexDigits(5, 8) };
}

/** Parses PnP ID (0x2A50); a reserved vendor ID source throws MeasurementFormatError('out-of-range'). */
export function parsePnpId(view: DataView): PnpId {
  requireMandatory(view, 7, 'PnP ID', 'vendor ID source, vendor ID, product ID and product version');
  const productVersion = view.getUint16(5, true);
  return {
    vendorIdSource: enumValue(VENDOR_ID_SOURCES, view.getUint8(0), 'vendor ID source', 'PnP ID'),
    vendorId: view.getUint16(1, true),
    productId: view.getUint16(3, true),
    productVersion,
    productVersionText: `${productVersion >> 8}.${(productVersion >> 4) & 0x0f}.${productVersion & 0x0f}`,
  };
}
