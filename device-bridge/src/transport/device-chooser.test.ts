import { describe, expect, it, vi } from 'vitest';
import { bluetoothFromNavigator, rememberedDevices, requestKitDevice } from './device-chooser';
import { DeviceBridgeError } from './errors';
import { FakeDomError } from './testing/fake-web-bluetooth';
import type { BluetoothDeviceLike, BluetoothLike } from './web-bluetooth';

const device = (id: string): BluetoothDeviceLike => ({ id, name: id, addEventListener: vi.fn(), removeEventListener: vi.fn() });
const OPTIONS = { filters: [{ services: [0x1810] }] };

describe('bluetoothFromNavigator', () => {
  it('when the browser has no Web Bluetooth, then throws "unsupported-browser" with a plain message', () => {
    let error: unknown;
    try {
      bluetoothFromNavigator({ userAgent: 'Firefox' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeviceBridgeError);
    expect(error).toMatchObject({ code: 'unsupported-browser' });
    expect((error as Error).message).toMatch(/Chrome or Edge .* type the reading in by hand/);
  });

  it('when called in Node with no navigator, then throws the same error rather than failing on a global', () => {
    expect(() => bluetoothFromNavigator(undefined)).toThrow(DeviceBridgeError);
  });

  it('when the browser has it, then returns navigator.bluetooth', () => {
    const bluetooth = { requestDevice: vi.fn() };
    expect(bluetoothFromNavigator({ bluetooth })).toBe(bluetooth);
  });
});

describe('requestKitDevice', () => {
  it('when the remembered device is still listed by getDevices(), then it is used without the chooser', async () => {
    const bluetooth: BluetoothLike = { requestDevice: vi.fn(), getDevices: async () => [device('a'), device('b')] };
    expect((await requestKitDevice(bluetooth, OPTIONS, { rememberedId: 'b' })).id).toBe('b');
    expect(bluetooth.requestDevice).not.toHaveBeenCalled();
  });

  it('when the browser lacks getDevices(), then the chooser is opened with the options', async () => {
    const requestDevice = vi.fn(async () => device('c'));
    expect((await requestKitDevice({ requestDevice }, OPTIONS, { rememberedId: 'b' })).id).toBe('c');
    expect(requestDevice).toHaveBeenCalledWith(OPTIONS);
    expect(await rememberedDevices({ requestDevice })).toEqual([]);
  });

  it('when the user closes the chooser, then rejects with "aborted"', async () => {
    const bluetooth: BluetoothLike = {
      requestDevice: async () => Promise.reject(new FakeDomError('NotFoundError', 'User cancelled the requestDevice() chooser.')),
    };
    await expect(requestKitDevice(bluetooth, OPTIONS)).rejects.toMatchObject({ code: 'aborted' });
  });

  it('when there was no user gesture, then rejects with a message that says what is needed', async () => {
    const bluetooth: BluetoothLike = {
      requestDevice: async () => Promise.reject(new FakeDomError('SecurityError', 'Must be handling a user gesture.')),
    };
    await expect(requestKitDevice(bluetooth, OPTIONS)).rejects.toThrow(/secure page and a tap/);
  });
});
