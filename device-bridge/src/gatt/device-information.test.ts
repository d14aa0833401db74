import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex';
import { parseDeviceInformation, parseDeviceInformationText, parsePnpId, parseSystemId } from './device-information';
import { refusal } from './testing/refusal';

/** The UTF-8 bytes of `text` as a DataView. */
function utf8(text: string): DataView {
  return new DataView(new TextEncoder().encode(text).buffer);
}

describe('parseDeviceInformationText', () => {
  it('when given UTF-8 text, then returns it', () => {
    expect(parseDeviceInformationText(utf8('OMRON HEALTHCARE'), 'manufacturerName')).toBe('OMRON HEALTHCARE');
  });

  it('when the text is padded with NULs, then it ends at the first NUL', () => {
    expect(parseDeviceInformationText(hex('48 45 4D 2D 37 31 35 35 54 00 00 00 41'), 'modelNumber')).toBe('HEM-7155T');
  });

  it('when the text has accented characters, then decodes them as UTF-8', () => {
    expect(parseDeviceInformationText(hex('50 72 6F 73 73 69 6D 61 20 C3 A8'), 'manufacturerName')).toBe('Prossima è');
  });

  it('when the value is empty, then returns the empty text', () => {
    expect(parseDeviceInformationText(hex(''), 'softwareRevision')).toBe('');
  });

  it('when the view is a window into a larger buffer, then reads only the window', () => {
    const bytes = new Uint8Array([0x58, 0x31, 0x2e, 0x30, 0x58]);
    expect(parseDeviceInformationText(new DataView(bytes.buffer, 1, 3), 'firmwareRevision')).toBe('1.0');
  });

  it('when the bytes are not valid UTF-8, then refuses them as inconsistent naming the characteristic', () => {
    const error = refusal(() => parseDeviceInformationText(hex('41 C3 28'), 'modelNumber'));
    expect(error.code).toBe('inconsistent');
    expect(error.message).toBe('Model Number String: the text is not valid UTF-8');
  });
});

describe('parseSystemId', () => {
  it('when given 8 bytes, then returns the manufacturer id and the OUI as hex, most significant first', () => {
    expect(parseSystemId(hex('01 02 03 04 05 1B 00 00'))).toStrictEqual({
      manufacturerIdentifier: '0504030201',
      organizationallyUniqueIdentifier: '00001b',
    });
  });

  it('when shorter than 8 bytes, then refuses it as too-short', () => {
    const error = refusal(() => parseSystemId(hex('01 02 03 04 05 06 07')));
    expect(error.code).toBe('too-short');
    expect(error.characteristic).toBe('System ID');
  });
});

describe('parsePnpId', () => {
  it('when given a Bluetooth SIG vendor id, then returns vendor, product and version 1.2.3', () => {
    expect(parsePnpId(hex('01 0D 00 34 12 23 01'))).toStrictEqual({
      vendorIdSource: 'bluetooth-sig',
      vendorId: 0x000d,
      productId: 0x1234,
      productVersion: 0x0123,
      productVersionText: '1.2.3',
    });
  });

  it('when the vendor id comes from the USB-IF, then says so', () => {
    expect(parsePnpId(hex('02 6B 1D 01 00 00 10')).vendorIdSource).toBe('usb-if');
  });

  it.each([['00'], ['03'], ['FF']])('when the vendor id source is the reserved value %s, then refuses it as out-of-range', (source) => {
    const error = refusal(() => parsePnpId(hex(`${source} 0D 00 34 12 23 01`)));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('vendor ID source');
  });

  it('when shorter than 7 bytes, then refuses it as too-short', () => {
    expect(refusal(() => parsePnpId(hex('01 0D 00 34 12 23'))).code).toBe('too-short');
  });
});

describe('parseDeviceInformation', () => {
  it('when given some of the values, then returns those parsed and nothing else', () => {
    expect(
      parseDeviceInformation({
        manufacturerName: utf8('A&D Medical'),
        modelNumber: utf8('UA-651BLE\0'),
        firmwareRevision: utf8('1.04'),
        pnpId: hex('01 0D 00 34 12 23 01'),
        systemId: hex('01 02 03 04 05 1B 00 00'),
      }),
    ).toStrictEqual({
      manufacturerName: 'A&D Medical',
      modelNumber: 'UA-651BLE',
      firmwareRevision: '1.04',
      systemId: { manufacturerIdentifier: '0504030201', organizationallyUniqueIdentifier: '00001b' },
      pnpId: { vendorIdSource: 'bluetooth-sig', vendorId: 13, productId: 0x1234, productVersion: 0x0123, productVersionText: '1.2.3' },
    });
  });

  it('when every text is given, then returns each under its name', () => {
    expect(
      parseDeviceInformation({
        manufacturerName: utf8('m'),
        modelNumber: utf8('n'),
        serialNumber: utf8('s'),
        hardwareRevision: utf8('h'),
        firmwareRevision: utf8('f'),
        softwareRevision: utf8('w'),
      }),
    ).toStrictEqual({
      manufacturerName: 'm',
      modelNumber: 'n',
      serialNumber: 's',
      hardwareRevision: 'h',
      firmwareRevision: 'f',
      softwareRevision: 'w',
    });
  });

  it('when nothing was read, then returns an empty object', () => {
    expect(parseDeviceInformation({})).toStrictEqual({});
  });

  it('when one value is malformed, then refuses naming that characteristic', () => {
    const error = refusal(() => parseDeviceInformation({ manufacturerName: utf8('ok'), hardwareRevision: hex('FF') }));
    expect(error.characteristic).toBe('Hardware Revision String');
  });
});
