/**
 * Shared set-up of the devices feature's component specs: the app's real
 * translations and storage helpers, a fake local database for observations
 * (what is stored, what an insert writes), a fake device list, the training
 * mode on with the simulator at full speed, and renderers that record instead
 * of painting (jsdom has no canvas).
 */
import { provideHttpClient } from '@angular/common/http';
import type { EnvironmentProviders, Provider } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DeviceBridgeError, type SimulatedDeviceKind, type VirtualPeripheral } from '@prossima/device-bridge';
import type { DeviceDoc, ObservationDoc, SessionUser } from '@prossima/domain';
import { of } from 'rxjs';
import { FakeClock, NURSE, provideClock, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { DatabaseService } from '../../core/database/database';
import { AppError } from '../../core/errors/app-errors';
import { LocalWrites } from '../../core/sync/local-writes';
import { DeviceRecords, type PairedDevice } from './device-records';
import type { EcgLayout } from './ecg-drawing';
import { ECG_STRIP_RENDERER } from './ecg-strip-viewer';
import { trainingPeripheral } from './kit-families';
import { MONOTONIC_NOW, SIMULATOR_TIME_SCALE, TRAINING_PERIPHERALS, WEB_BLUETOOTH } from './measurement-session';
import { SPIROMETRY_CHART_RENDERER } from './spirometry-view';
import type { FlowVolumeChartConfig } from './spirometry-chart';
import { TrainingMode } from './training-mode';

/** What the fakes saw. */
export interface DevicesWorld {
  /** Observations in the fake local database, by id. */
  stored: Map<string, ObservationDoc>;
  inserted: ObservationDoc[];
  devices: DeviceDoc[];
  paired: PairedDevice[];
  uses: { id: string; batteryPercent?: number }[];
  ecgDrawn: EcgLayout[];
  chartsDrawn: FlowVolumeChartConfig[];
  /** Simulated devices by kind, instead of the training defaults. */
  peripherals: Partial<Record<SimulatedDeviceKind, () => VirtualPeripheral>>;
  /** Whether inserts fail (storage full). */
  failInserts: boolean;
}

/** Sets TestBed up; returns the world the fakes write into. */
export function setUpDevices(
  options: { user?: SessionUser; training?: boolean; devices?: DeviceDoc[]; providers?: (Provider | EnvironmentProviders)[] } = {},
): DevicesWorld {
  const world: DevicesWorld = {
    stored: new Map(),
    inserted: [],
    devices: options.devices ?? [],
    paired: [],
    uses: [],
    ecgDrawn: [],
    chartsDrawn: [],
    peripherals: {},
    failInserts: false,
  };
  let tick = 1000;
  const providers: (Provider | EnvironmentProviders)[] = [
    provideHttpClient(),
    provideRouter([]),
    provideTestTranslations(),
    provideMemoryStorage(),
    provideClock(new FakeClock(new Date('2025-11-22T09:30:00.000Z'))),
    { provide: SIMULATOR_TIME_SCALE, useValue: 0 },
    // Each reading of the monotonic clock moves it on by 5 ms.
    { provide: MONOTONIC_NOW, useValue: () => (tick += 5) },
    {
      provide: WEB_BLUETOOTH,
      useValue: () => {
        throw new DeviceBridgeError('unsupported-browser', 'no Bluetooth in jsdom');
      },
    },
    {
      provide: TRAINING_PERIPHERALS,
      useValue: (kind: SimulatedDeviceKind, now: Date) => world.peripherals[kind]?.() ?? trainingPeripheral(kind, now),
    },
    {
      provide: DatabaseService,
      useValue: {
        watch: (query: (db: unknown) => unknown) =>
          query({
            collections: {
              observations: {
                findOne: (id: string) => ({
                  exec: async () => (world.stored.has(id) ? { toMutableJSON: () => structuredClone(world.stored.get(id)) } : null),
                }),
              },
            },
          }),
      } as unknown as DatabaseService,
    },
    {
      provide: LocalWrites,
      useValue: {
        insert: async (_collection: string, doc: ObservationDoc) => {
          if (world.failInserts) throw new AppError('save-failed', 'QuotaExceededError');
          world.inserted.push(doc);
          world.stored.set(doc.id, doc);
          return doc;
        },
      } as unknown as LocalWrites,
    },
    {
      provide: DeviceRecords,
      useValue: {
        devicesOf$: () => of(world.devices),
        pair: async (_user: SessionUser, device: PairedDevice) => {
          world.paired.push(device);
          return { ...device, id: 'dev-new', districtId: 'd-roma1', pairedAt: '2025-11-22T09:30:00.000Z', status: 'active', updatedAt: '', updatedBy: 'u-anna' };
        },
        recordUse: async (_user: SessionUser, id: string, _now: Date, batteryPercent?: number) => {
          world.uses.push({ id, ...(batteryPercent === undefined ? {} : { batteryPercent }) });
          return world.devices.find((d) => d.id === id)!;
        },
      } satisfies Partial<DeviceRecords>,
    },
    { provide: ECG_STRIP_RENDERER, useValue: (_canvas: HTMLCanvasElement, layout: EcgLayout) => void world.ecgDrawn.push(layout) },
    {
      provide: SPIROMETRY_CHART_RENDERER,
      useValue: (_canvas: HTMLCanvasElement, config: FlowVolumeChartConfig) => {
        world.chartsDrawn.push(config);
        return { destroy: () => undefined };
      },
    },
  ];
  TestBed.configureTestingModule({ providers: [...providers, ...(options.providers ?? [])] });
  TestBed.inject(AuthStore).writeSession({ user: options.user ?? NURSE, refreshToken: 'r' });
  if (options.training ?? true) TestBed.inject(TrainingMode).set(true);
  return world;
}

/** Helpers to drive a rendered component. */
export function driver<T>(fixture: ComponentFixture<T>) {
  const el = fixture.nativeElement as HTMLElement;
  const text = (root: Element = el) => root.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const settle = async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  /** Waits (real time, simulator at full speed) until `condition` holds. */
  const until = async (condition: () => boolean, what: string) => {
    for (let i = 0; i < 400; i++) {
      await settle();
      if (condition()) return;
    }
    throw new Error(`timed out waiting for ${what}; page says: ${text()}`);
  };
  const button = (name: string) => {
    const found = Array.from(el.querySelectorAll('button')).find((b) => text(b) === name || b.getAttribute('aria-label') === name);
    if (!found) throw new Error(`no button "${name}"; page says: ${text()}`);
    return found;
  };
  const click = async (name: string) => {
    button(name).click();
    await settle();
  };
  const alertText = () => text(el.querySelector('[role="alert"]') ?? el);
  const statusText = () => Array.from(el.querySelectorAll('[role="status"]')).map((s) => text(s)).join(' | ');
  return { el, text, settle, until, button, click, alertText, statusText };
}
