/**
 * The kit's devices for the screens: pairing (the browser's chooser, or a
 * device `getDevices()` remembers), measuring with the device's driver, the
 * battery; in the training mode the simulator's virtual devices take Web
 * Bluetooth's place behind the same drivers.
 *
 * Everything that touches the outside world is injected: `WEB_BLUETOOTH`
 * (navigator.bluetooth, read when first used), the simulator's time scale,
 * the monotonic clock that times notifications, and the app's CLOCK.
 */
import { DOCUMENT, inject, Injectable, InjectionToken } from '@angular/core';
import {
  bluetoothFromNavigator,
  DeviceBridgeError,
  driverFor,
  KIT_DRIVERS,
  kitRequestOptions,
  readBatteryLevel,
  readDeviceInformation,
  rememberedDevices,
  requestKitDevice,
  SimulatedTransport,
  simulatorDrivers,
  WebBluetoothTransport,
  type BluetoothLike,
  type DeviceDriver,
  type DeviceFamily,
  type DeviceInformation,
  type Measurement,
  type MeasurementProgress,
  type SimulatedDeviceKind,
  type VirtualPeripheral,
} from '@prossima/device-bridge';
import { CLOCK } from '../../core/clock';
import { TRAINING_DEVICES, trainingPeripheral } from './kit-families';
import { TimedTransport } from './timed-transport';
import { TrainingMode } from './training-mode';

/** Returns navigator.bluetooth, or throws DeviceBridgeError('unsupported-browser'). */
export const WEB_BLUETOOTH = new InjectionToken<() => BluetoothLike>('WEB_BLUETOOTH', {
  providedIn: 'root',
  factory: () => {
    const document = inject(DOCUMENT);
    return () => bluetoothFromNavigator(document.defaultView?.navigator);
  },
});

/** Factor on the simulated devices' delays in the training mode: 1 is real time. */
export const SIMULATOR_TIME_SCALE = new InjectionToken<number>('SIMULATOR_TIME_SCALE', { providedIn: 'root', factory: () => 1 });

/** The virtual peripheral of a simulated device in the training mode (injected: tests script faults with it). */
export const TRAINING_PERIPHERALS = new InjectionToken<(kind: SimulatedDeviceKind, now: Date) => VirtualPeripheral>('TRAINING_PERIPHERALS', {
  providedIn: 'root',
  factory: () => trainingPeripheral,
});

/** A monotonic clock in milliseconds (performance.now()), for timing notifications and saves. */
export const MONOTONIC_NOW = new InjectionToken<() => number>('MONOTONIC_NOW', {
  providedIn: 'root',
  factory: () => () => performance.now(),
});

/** A connected kit device and the driver that reads it. */
export interface KitConnection {
  readonly transport: TimedTransport;
  readonly driver: DeviceDriver;
  readonly family: DeviceFamily;
  /** The browser's Bluetooth id, or the simulator's address. */
  readonly bluetoothId: string;
  /** The advertised name ('' when none). */
  readonly name: string;
  /** The simulated device it is, in the training mode. */
  readonly simulated?: SimulatedDeviceKind;
}

/** How to pair. */
export interface PairChoice {
  /** The Bluetooth id of a device paired before: reused without the chooser when the browser still lists it. */
  rememberedId?: string;
  /** Training mode: which simulated device (default: the family's first). */
  simulated?: SimulatedDeviceKind;
}

/** Options of one measurement. */
export interface SessionMeasureOptions {
  signal?: AbortSignal;
  onProgress?: (progress: MeasurementProgress) => void;
  /** ECG strip length, s (default 30). */
  durationS?: number;
  /** Multiparameter monitor: which reading. */
  parameter?: 'blood-pressure' | 'spo2' | 'temperature';
}

/** A measurement and when its last notification arrived (MONOTONIC_NOW), for the save latency. */
export interface TimedMeasurement {
  measurement: Measurement;
  lastNotificationAt?: number;
}

/** Pairs and reads the kit's devices (Web Bluetooth, or the simulator in the training mode). */
@Injectable({ providedIn: 'root' })
export class MeasurementSession {
  private readonly bluetooth = inject(WEB_BLUETOOTH);
  private readonly timeScale = inject(SIMULATOR_TIME_SCALE);
  private readonly monotonic = inject(MONOTONIC_NOW);
  private readonly clock = inject(CLOCK);
  private readonly peripherals = inject(TRAINING_PERIPHERALS);
  /** The training mode's switch. */
  readonly training = inject(TrainingMode);

  /** Whether this browser has Web Bluetooth (Chrome, Edge; not Safari, iOS or Firefox). */
  bluetoothAvailable(): boolean {
    try {
      this.bluetooth();
      return true;
    } catch (error) {
      if (error instanceof DeviceBridgeError && error.code === 'unsupported-browser') return false;
      throw error;
    }
  }

  /** Whether devices can be used here: Web Bluetooth, or the training mode's simulated ones. */
  isSupported(): boolean {
    return this.training.enabled() || this.bluetoothAvailable();
  }

  /**
   * Finds and connects a device of `family` (any kit device when undefined)
   * and picks its driver. Call it from a click: the browser's chooser needs a
   * user gesture. Rejects with DeviceBridgeError ('aborted' when the chooser
   * is closed, 'unknown-device', 'unsupported-browser', …).
   */
  async pair(family: DeviceFamily | undefined, choice: PairChoice = {}): Promise<KitConnection> {
    if (this.training.enabled()) return this.pairSimulated(family, choice.simulated);
    const drivers = family === undefined ? KIT_DRIVERS : KIT_DRIVERS.filter((driver) => driver.family === family);
    const device = await requestKitDevice(this.bluetooth(), kitRequestOptions(drivers), { rememberedId: choice.rememberedId });
    const transport = new TimedTransport(new WebBluetoothTransport(device), this.monotonic);
    await transport.connect();
    try {
      const driver = driverFor(device.name ?? '', await transport.services(), drivers);
      return { transport, driver, family: driver.family, bluetoothId: device.id, name: device.name ?? '' };
    } catch (error) {
      await transport.disconnect();
      throw error;
    }
  }

  /** The devices the browser lets this origin reconnect to without the chooser ([] where it cannot tell, and in training). */
  async remembered(): Promise<{ id: string; name: string }[]> {
    if (this.training.enabled() || !this.bluetoothAvailable()) return [];
    return (await rememberedDevices(this.bluetooth())).map((device) => ({ id: device.id, name: device.name ?? '' }));
  }

  /** Takes one measurement; rejects with DeviceBridgeError or MeasurementFormatError, never with half a reading. */
  async measure(connection: KitConnection, options: SessionMeasureOptions = {}): Promise<TimedMeasurement> {
    connection.transport.resetTiming();
    const measurement = await connection.driver.measure(connection.transport, {
      signal: options.signal,
      onProgress: options.onProgress,
      now: this.clock,
      ...(options.durationS === undefined ? {} : { durationS: options.durationS }),
      ...(options.parameter === undefined ? {} : { parameter: options.parameter }),
    });
    return { measurement, lastNotificationAt: connection.transport.lastNotificationAt };
  }

  /** The battery level in %, or undefined when the device does not say. */
  batteryLevel(connection: KitConnection): Promise<number | undefined> {
    return readBatteryLevel(connection.transport);
  }

  /** What the device says about itself (manufacturer, model …). */
  deviceInformation(connection: KitConnection): Promise<DeviceInformation> {
    return readDeviceInformation(connection.transport);
  }

  /** Closes the link (a device left connected drains its battery). */
  async release(connection: KitConnection): Promise<void> {
    await connection.transport.disconnect();
  }

  private async pairSimulated(family: DeviceFamily | undefined, kind: SimulatedDeviceKind | undefined): Promise<KitConnection> {
    const chosen = kind ?? TRAINING_DEVICES[family ?? 'blood-pressure'][0];
    const peripheral = this.peripherals(chosen, this.clock());
    const transport = new TimedTransport(new SimulatedTransport(peripheral, { timeScale: this.timeScale }), this.monotonic);
    await transport.connect();
    const driver = driverFor(peripheral.name, await transport.services(), simulatorDrivers());
    return { transport, driver, family: driver.family, bluetoothId: peripheral.address, name: peripheral.name, simulated: chosen };
  }
}
