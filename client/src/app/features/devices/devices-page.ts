import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { _IdGenerator } from '@angular/cdk/a11y';
import { MatButton } from '@angular/material/button';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import type { DeviceFamily, SimulatedDeviceKind } from '@prossima/device-bridge';
import type { DeviceDoc } from '@prossima/domain';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { of, switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { CLOCK } from '../../core/clock';
import { errorMessageKey } from '../../core/errors/app-errors';
import { LanguageService } from '../../core/i18n/language';
import { formatInstant } from '../vitals/format-vital';
import { deviceErrorKey } from './device-errors';
import { DeviceRecords } from './device-records';
import { DEVICE_KIND_OF, familyOfKind, familyOfSimulated, MEASURE_FAMILIES, TRAINING_DEVICES } from './kit-families';
import { MeasurementSession, type KitConnection } from './measurement-session';
import { SIMULATOR_MODEL_PREFIX } from './training-mode';

/** What the page's status line says. */
type Notice = { key: string; params?: Record<string, string> };

/**
 * The signed-in user's kit devices (`/dispositivi`): a nurse's own kit, a
 * patient's home kit. Lists them (kind, model, battery, last reading),
 * pairs a new one through the browser's chooser ("Associa un dispositivo":
 * a DeviceDoc is saved), reads a device's battery on demand, and switches
 * the training mode (simulated devices). Without Web Bluetooth it says so
 * and points to the manual entry.
 */
@Component({
  selector: 'app-devices-page',
  imports: [RouterLink, MatButton, MatSlideToggle, TranslatePipe],
  templateUrl: './devices-page.html',
  styleUrl: './devices-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DevicesPage {
  /** "1" turns the training mode on, "0" off (query parameter). */
  readonly simulatore = input<string>();

  private readonly session = inject(MeasurementSession);
  private readonly records = inject(DeviceRecords);
  private readonly clock = inject(CLOCK);
  private readonly translate = inject(TranslateService);
  protected readonly user = inject(AuthSession).user;
  protected readonly lang = inject(LanguageService).current;
  protected readonly baseId = inject(_IdGenerator).getId('devices-page-');
  protected readonly families = MEASURE_FAMILIES;
  protected readonly simulatedKinds = MEASURE_FAMILIES.flatMap((family) => TRAINING_DEVICES[family]);

  protected readonly training = this.session.training.enabled;
  protected readonly supported = computed(() => this.session.isSupported());
  protected readonly devices = toSignal(
    toObservable(this.user).pipe(switchMap((user) => (user ? this.records.devicesOf$(user) : of([])))),
  );
  /** Where values are typed by hand: the nurse's visits, the patient's own home page. */
  protected readonly manualLink = computed(() => (this.user()?.role === 'nurse' ? '/oggi' : '/'));

  protected readonly pairFamily = signal<DeviceFamily | ''>('');
  protected readonly pairSimulated = signal<SimulatedDeviceKind>('blood-pressure');
  protected readonly busy = signal<string | null>(null);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly remembered = signal<string[]>([]);

  constructor() {
    effect(() => this.session.training.applyQuery(this.simulatore()));
    void this.loadRemembered();
  }

  protected setTraining(on: boolean): void {
    this.session.training.set(on);
    this.notice.set(null);
    this.errorKey.set(null);
  }

  protected kindLabel(kind: DeviceDoc['kind']): string {
    return this.translate.instant(`devices.kinds.${kind}`);
  }

  protected lastReading(device: DeviceDoc): string | null {
    return device.lastSeenAt ? formatInstant(device.lastSeenAt, this.lang()) : null;
  }

  /** Whether the battery can be read: a Bluetooth device of a family the kit reads (or any in training). */
  protected canReadBattery(device: DeviceDoc): boolean {
    return device.status === 'active' && familyOfKind(device.kind) !== null && (!!device.bluetoothId || this.training());
  }

  /** Pairs a device through the chooser (a user gesture) and saves its DeviceDoc. */
  protected async pair(): Promise<void> {
    const user = this.user();
    if (!user || this.busy()) return;
    this.begin('pair');
    let connection: KitConnection | undefined;
    let stage: 'pair' | 'save' = 'pair';
    try {
      const training = this.training();
      const family = training ? familyOfSimulated(this.pairSimulated()) : this.pairFamily() || undefined;
      connection = await this.session.pair(family, { simulated: training ? this.pairSimulated() : undefined });
      const information = await this.session.deviceInformation(connection);
      const batteryPercent = await this.session.batteryLevel(connection);
      const described = [information.manufacturerName, information.modelNumber].filter(Boolean).join(' ').trim();
      const model = described || connection.name || connection.driver.label;
      const name = connection.name || this.translate.instant(`devices.families.${connection.family}`);
      stage = 'save';
      const doc = await this.records.pair(
        user,
        {
          bluetoothId: connection.bluetoothId,
          name,
          kind: DEVICE_KIND_OF[connection.family],
          model: connection.simulated ? `${SIMULATOR_MODEL_PREFIX} ${model}` : model,
          ...(batteryPercent === undefined ? {} : { batteryPercent }),
        },
        this.clock(),
      );
      this.notice.set({ key: 'devices.page.paired', params: { name: doc.name } });
      void this.loadRemembered();
    } catch (error) {
      this.errorKey.set(stage === 'save' ? errorMessageKey(error) : deviceErrorKey(error, 'pair'));
    } finally {
      if (connection) await this.session.release(connection);
      this.busy.set(null);
    }
  }

  /** Connects to a paired device, reads its battery and stores it. */
  protected async readBattery(device: DeviceDoc): Promise<void> {
    const user = this.user();
    const family = familyOfKind(device.kind);
    if (!user || !family || this.busy()) return;
    this.begin(device.id);
    let connection: KitConnection | undefined;
    try {
      connection = await this.session.pair(family, { rememberedId: device.bluetoothId });
      const percent = await this.session.batteryLevel(connection);
      await this.records.recordUse(user, device.id, this.clock(), percent);
      this.notice.set(
        percent === undefined
          ? { key: 'devices.page.batteryNone', params: { name: device.name } }
          : { key: 'devices.page.batteryDone', params: { name: device.name, percent: String(percent) } },
      );
    } catch (error) {
      this.errorKey.set(deviceErrorKey(error, connection ? 'battery' : 'pair'));
    } finally {
      if (connection) await this.session.release(connection);
      this.busy.set(null);
    }
  }

  private begin(what: string): void {
    this.busy.set(what);
    this.notice.set(null);
    this.errorKey.set(null);
  }

  private async loadRemembered(): Promise<void> {
    try {
      this.remembered.set((await this.session.remembered()).map((d) => d.name || d.id));
    } catch (error) {
      // getDevices() is behind a flag in Chrome: a browser that refuses it simply remembers nothing.
      this.remembered.set([]);
      if (!(error instanceof Error)) throw error;
    }
  }
}
