import { DeviceBridgeError, MeasurementFormatError } from '@prossima/device-bridge';
import enJson from '../../../../public/i18n/en.json';
import itJson from '../../../../public/i18n/it.json';
import { deviceErrorKey } from './device-errors';

type Tree = { [key: string]: string | Tree };
function lookup(tree: Tree, key: string): string | undefined {
  const value = key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
  return typeof value === 'string' ? value : undefined;
}

describe('deviceErrorKey', () => {
  it('when the link drops during a measurement, then the message says nothing was saved and to try again', () => {
    const key = deviceErrorKey(new DeviceBridgeError('disconnected', 'gone'), 'measure');
    expect(lookup(itJson as unknown as Tree, key)).toBe('Il dispositivo si è disconnesso durante la misura: nessun dato salvato. Riprova.');
  });

  it('when the chooser is closed, then it reads as no device chosen; an abort while measuring reads as cancelled', () => {
    expect(deviceErrorKey(new DeviceBridgeError('aborted', 'x'), 'pair')).toBe('devices.errors.no-device-chosen');
    expect(deviceErrorKey(new DeviceBridgeError('aborted', 'x'), 'measure')).toBe('devices.errors.aborted');
  });

  it('when the decoder refuses the bytes, then it is bad data; anything else is unexpected', () => {
    const refused = new MeasurementFormatError({ code: 'too-short', characteristic: 'Blood Pressure Measurement', detail: '3 bytes' });
    expect(deviceErrorKey(refused, 'measure')).toBe('devices.errors.bad-data');
    expect(deviceErrorKey(new Error('boom'), 'measure')).toBe('devices.errors.unexpected');
  });

  it('when any code is met in any action, then Italian and English both have its message', () => {
    const codes = ['unsupported-browser', 'unknown-device', 'timeout', 'aborted', 'disconnected', 'gatt-error', 'measurement-incomplete'] as const;
    const errors = [...codes.map((code) => new DeviceBridgeError(code, code)), new Error('x')];
    for (const action of ['pair', 'measure', 'battery'] as const) {
      for (const error of errors) {
        const key = deviceErrorKey(error, action);
        expect(lookup(itJson as unknown as Tree, key), key).toBeTruthy();
        expect(lookup(enJson as unknown as Tree, key), key).toBeTruthy();
      }
    }
  });
});
