import { TestBed } from '@angular/core/testing';
import { DeviceBridgeError, simulatedThermometer, type BluetoothLike, type RequestDeviceOptionsLike } from '@prossima/device-bridge';
import { setUpDevices } from './devices-spec-setup';
import { MeasurementSession, WEB_BLUETOOTH } from './measurement-session';
import { TrainingMode } from './training-mode';

describe('MeasurementSession', () => {
  it('when the browser has no Web Bluetooth (Safari, iOS, Firefox), then it is not supported, unless the training mode is on', () => {
    setUpDevices({ training: false });
    const session = TestBed.inject(MeasurementSession);
    expect(session.bluetoothAvailable()).toBe(false);
    expect(session.isSupported()).toBe(false);
    TestBed.inject(TrainingMode).set(true);
    expect(session.isSupported()).toBe(true);
  });

  it('when pairing a blood pressure monitor, then the chooser is asked for that family only, and a closed chooser rejects with aborted', async () => {
    let asked: RequestDeviceOptionsLike | undefined;
    const bluetooth = {
      requestDevice: async (options: RequestDeviceOptionsLike) => {
        asked = options;
        throw Object.assign(new Error('User cancelled the requestDevice() chooser.'), { name: 'NotFoundError' });
      },
      getDevices: async () => [],
    } as unknown as BluetoothLike;
    setUpDevices({ training: false, providers: [{ provide: WEB_BLUETOOTH, useValue: () => bluetooth }] });
    const session = TestBed.inject(MeasurementSession);
    expect(session.isSupported()).toBe(true);
    const failure = await session.pair('blood-pressure').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeviceBridgeError);
    expect((failure as DeviceBridgeError).code).toBe('aborted');
    expect(asked?.filters).toEqual([{ services: ['00001810-0000-1000-8000-00805f9b34fb'] }]);
    expect(asked?.optionalServices).toContain('0000180f-0000-1000-8000-00805f9b34fb');
  });

  it('when the training mode pairs and measures a thermometer, then its driver reads it and the last notification is timed', async () => {
    const world = setUpDevices();
    world.peripherals.thermometer = () => simulatedThermometer();
    const session = TestBed.inject(MeasurementSession);
    const connection = await session.pair('thermometer');
    expect(connection).toMatchObject({ family: 'thermometer', bluetoothId: 'C0:FF:EE:00:00:02', name: 'Thermometer (simulated)', simulated: 'thermometer' });
    const { measurement, lastNotificationAt } = await session.measure(connection);
    expect(measurement.family).toBe('thermometer');
    expect(measurement.receivedAt).toBe('2025-11-22T09:30:00.000Z');
    expect(lastNotificationAt).toBeGreaterThan(1000);
    expect(await session.batteryLevel(connection)).toBe(70);
    expect(await session.remembered()).toEqual([]);
    await session.release(connection);
    expect(connection.transport.connected).toBe(false);
  });
});
