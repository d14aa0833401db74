/**
 * MeasurePanelComponent: measures a patient's vital signs with a kit device
 * and saves them locally, for the visit page ("Misura") and the measure page.
 *
 * Inputs:
 * - `patient: PatientDoc` (required): whose reading it is; the district comes from it.
 * - `visitId?: string`: the visit the reading is taken in, stored on each observation.
 * - `families?: DeviceFamily[]`: the device families offered (default: the whole kit).
 * - `ecgDurationS?: number`: length of an ECG strip, s (default 30).
 * Output:
 * - `saved: ObservationDoc[]`: the observations written by a save.
 *
 * Steps: choose what to measure (large buttons) → the guided steps of that
 * device → "Avvia la misura" (the browser's chooser the first time: a user
 * gesture) → progress, announced at milestones → the reading, checked with
 * the domain's vital table (impossible values refused, out-of-range ones
 * flagged), with the ECG strip or the spirometry indices → "Salva la misura".
 * Nothing is saved by itself, nor after an error: a device that disconnects
 * mid-measurement gives a clear message and stores nothing. A reading saved
 * before (same device and record) is "Misura già registrata".
 *
 * Timing, for the benchmarks: the host carries `data-ms-to-reading` (last
 * notification → reading mapped), `data-ms-save` (the save itself),
 * `data-ms-to-saved` (last notification → stored) and `data-saved-bytes`
 * (JSON bytes written), also logged with console.debug.
 */
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, Injector, input, output, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { _IdGenerator } from '@angular/cdk/a11y';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { DeviceFamily, Measurement, SimulatedDeviceKind } from '@prossima/device-bridge';
import { SPIROMETRY_PANEL_LOINC, canWriteCollection, type DeviceDoc, type ObservationDoc, type PatientDoc } from '@prossima/domain';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { of, switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { CLOCK } from '../../core/clock';
import { AppError } from '../../core/errors/app-errors';
import { LanguageService } from '../../core/i18n/language';
import { deviceErrorKey } from './device-errors';
import { DeviceRecords } from './device-records';
import { documentBytes } from './ecg-observation';
import { EcgStripViewer } from './ecg-strip-viewer';
import { DEVICE_KIND_OF, GUIDE_STEP_COUNT, MEASURE_FAMILIES, TRAINING_DEVICES } from './kit-families';
import { measurementObservations, type Bilingual, type DeviceSource, type MeasurementMapping } from './measurement-observations';
import { MeasurementSession, MONOTONIC_NOW, type KitConnection } from './measurement-session';
import { MeasurementStore, ObservationRuleError } from './measurement-store';
import { unpairedDeviceId } from './observation-ids';
import { progressView, readingLines, type ProgressView } from './reading-view';
import { SpirometryView } from './spirometry-view';
import { SIMULATOR_MODEL_PREFIX } from './training-mode';

/** Where the panel is. */
type Phase = 'choose' | 'guide' | 'connecting' | 'measuring' | 'reading' | 'done' | 'error';

/** A reading waiting for "Salva". */
interface Reading {
  measurement: Measurement;
  source: DeviceSource;
  mapping: MeasurementMapping;
  /** The paired DeviceDoc of the device, if any (its last use is recorded after a save). */
  device: DeviceDoc | null;
  lastNotificationAt?: number;
}

/** What the last save did. */
type Outcome = 'saved' | 'duplicate' | 'other-patient' | 'partial';

/** What the alert says. */
type Alert = { kind: 'key'; key: string } | { kind: 'refused'; text: Bilingual } | { kind: 'rule'; reason: string } | { kind: 'write-failed' };

/** The multiparameter monitor's readings. */
const PARAMETERS = ['blood-pressure', 'spo2', 'temperature'] as const;

@Component({
  selector: 'app-measure-panel',
  imports: [MatButton, RouterLink, TranslatePipe, EcgStripViewer, SpirometryView],
  templateUrl: './measure-panel.html',
  styleUrl: './measure-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.data-ms-to-reading]': 'timing().toReading',
    '[attr.data-ms-save]': 'timing().save',
    '[attr.data-ms-to-saved]': 'timing().toSaved',
    '[attr.data-saved-bytes]': 'timing().bytes',
  },
})
export class MeasurePanelComponent {
  /** Whose reading it is. */
  readonly patient = input.required<PatientDoc>();
  /** The visit the reading is taken in, if any. */
  readonly visitId = input<string>();
  /** The device families offered. */
  readonly families = input<readonly DeviceFamily[]>(MEASURE_FAMILIES);
  /** Length of an ECG strip, s. */
  readonly ecgDurationS = input(30);
  /** The observations written by a save. */
  readonly saved = output<ObservationDoc[]>();

  protected readonly session = inject(MeasurementSession);
  private readonly store = inject(MeasurementStore);
  private readonly deviceRecords = inject(DeviceRecords);
  private readonly clock = inject(CLOCK);
  private readonly monotonic = inject(MONOTONIC_NOW);
  private readonly user = inject(AuthSession).user;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = inject(TranslateService);
  protected readonly lang = inject(LanguageService).current;
  protected readonly baseId = inject(_IdGenerator).getId('measure-panel-');
  protected readonly parameters = PARAMETERS;

  protected readonly training = this.session.training.enabled;
  protected readonly supported = computed(() => this.session.isSupported());
  protected readonly canWrite = computed(() => {
    const user = this.user();
    return !!user && canWriteCollection(user.role, 'observations');
  });
  /** The manual vital-signs form, for the roles that have it. */
  protected readonly manualLink = computed(() => {
    const role = this.user()?.role;
    return role === 'nurse' || role === 'district-nurse' || role === 'coordinator' ? ['/pazienti', this.patient().id, 'parametri', 'nuovi'] : null;
  });
  /** The user's paired devices: a remembered one skips the chooser, and readings name it. */
  private readonly devices = toSignal(
    toObservable(this.user).pipe(switchMap((user) => (user ? this.deviceRecords.devicesOf$(user) : of([])))),
    { initialValue: [] as DeviceDoc[] },
  );

  protected readonly phase = signal<Phase>('choose');
  protected readonly family = signal<DeviceFamily | null>(null);
  protected readonly parameter = signal<(typeof PARAMETERS)[number]>('blood-pressure');
  protected readonly simulatedKind = signal<SimulatedDeviceKind | null>(null);
  protected readonly progress = signal<ProgressView | null>(null);
  protected readonly reading = signal<Reading | null>(null);
  protected readonly alert = signal<Alert | null>(null);
  protected readonly outcome = signal<Outcome | null>(null);
  protected readonly partial = signal({ saved: 0, total: 0 });
  protected readonly saving = signal(false);
  protected readonly timing = signal<{ toReading?: number; save?: number; toSaved?: number; bytes?: number }>({});

  /** Connected devices by family, kept between readings (a retry after a disconnection reconnects the same one). */
  private readonly connections = signal<ReadonlyMap<DeviceFamily, KitConnection>>(new Map());
  private abort: AbortController | null = null;

  protected readonly steps = computed(() => {
    const family = this.family();
    return family ? Array.from({ length: GUIDE_STEP_COUNT[family] }, (_, i) => `devices.guide.${family}.${i + 1}`) : [];
  });
  protected readonly simulatedChoices = computed(() => {
    const family = this.family();
    return family && this.training() ? TRAINING_DEVICES[family] : [];
  });
  protected readonly connected = computed(() => {
    const family = this.family();
    return family ? (this.connections().get(family) ?? null) : null;
  });
  protected readonly lines = computed(() => {
    const mapping = this.reading()?.mapping;
    const lang = this.lang();
    return mapping?.ok ? readingLines(mapping.observations, lang, this.translate.instant('devices.reading.bloodPressure')) : [];
  });
  protected readonly ecg = computed(() => {
    const mapping = this.reading()?.mapping;
    const doc = mapping?.ok ? mapping.observations.find((o) => o.waveform) : undefined;
    return doc?.waveform ? { waveform: doc.waveform, heartRate: doc.value ?? null } : null;
  });
  protected readonly spirometry = computed(() => {
    const reading = this.reading();
    const mapping = reading?.mapping;
    const doc = mapping?.ok ? mapping.observations.find((o) => o.code === SPIROMETRY_PANEL_LOINC) : undefined;
    if (!doc || reading?.measurement.family !== 'spirometer') return null;
    return { observation: doc, flowVolume: reading.measurement.result.flowVolume };
  });
  protected readonly warnings = computed(() => {
    const mapping = this.reading()?.mapping;
    return mapping?.ok ? mapping.warnings.map((w) => w.message[this.lang()]) : [];
  });
  protected readonly notes = computed(() => {
    const mapping = this.reading()?.mapping;
    return mapping?.ok ? mapping.notes.map((n) => n[this.lang()]) : [];
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.abort?.abort();
      for (const connection of this.connections().values()) void this.session.release(connection);
    });
  }

  protected choose(family: DeviceFamily): void {
    this.family.set(family);
    this.simulatedKind.set(null);
    this.goTo('guide');
  }

  protected back(): void {
    this.reading.set(null);
    this.goTo('choose');
  }

  /** Forgets the connected device of this family: the next start asks for one again. */
  protected async changeDevice(): Promise<void> {
    const family = this.family();
    const connection = family ? this.connections().get(family) : undefined;
    if (!family || !connection) return;
    this.forget(family);
    await this.session.release(connection);
  }

  protected chooseSimulated(kind: SimulatedDeviceKind): void {
    this.simulatedKind.set(kind);
    const family = this.family();
    const connection = family ? this.connections().get(family) : undefined;
    if (family && connection && connection.simulated !== kind) {
      this.forget(family);
      void this.session.release(connection);
    }
  }

  /** Connects (the chooser, the first time) and measures; must run from the click, for the chooser's user gesture. */
  protected async start(): Promise<void> {
    const family = this.family();
    if (!family || this.phase() === 'connecting' || this.phase() === 'measuring') return;
    this.alert.set(null);
    this.outcome.set(null);
    this.reading.set(null);
    this.progress.set(null);
    let connection = this.connections().get(family);
    let action: 'pair' | 'measure' = 'pair';
    try {
      if (!connection) {
        this.goTo('connecting');
        const remembered = this.devices().find((d) => d.status === 'active' && d.bluetoothId && d.kind === DEVICE_KIND_OF[family]);
        connection = await this.session.pair(family, { rememberedId: remembered?.bluetoothId, simulated: this.simulatedKind() ?? undefined });
        this.remember(family, connection);
      }
      action = 'measure';
      this.abort = new AbortController();
      this.goTo('measuring');
      const { measurement, lastNotificationAt } = await this.session.measure(connection, {
        signal: this.abort.signal,
        onProgress: (progress) => this.progress.set(progressView(progress, this.lang())),
        durationS: this.ecgDurationS(),
        ...(family === 'multiparameter' ? { parameter: this.parameter() } : {}),
      });
      const device = this.pairedDoc(connection);
      const source = this.sourceOf(connection, device);
      const mapping = measurementObservations(measurement, source, this.owner());
      const toReading = lastNotificationAt === undefined ? undefined : round(this.monotonic() - lastNotificationAt);
      this.timing.set({ toReading });
      this.reading.set({ measurement, source, mapping, device, lastNotificationAt });
      if (!mapping.ok) this.alert.set({ kind: 'refused', text: mapping.problem });
      if (connection.simulated) {
        // A simulated device is set up again for each reading, with its clock at that moment.
        this.forget(family);
        void this.session.release(connection);
      }
      this.goTo('reading');
    } catch (error) {
      this.alert.set({ kind: 'key', key: deviceErrorKey(error, action) });
      if (action === 'pair') this.forget(family);
      this.goTo('error');
    } finally {
      this.abort = null;
      this.progress.set(null);
    }
  }

  protected cancel(): void {
    this.abort?.abort();
  }

  protected discard(): void {
    this.reading.set(null);
    this.alert.set(null);
    this.goTo('guide');
  }

  protected async save(): Promise<void> {
    const reading = this.reading();
    const user = this.user();
    if (!reading || !user || this.saving()) return;
    const started = this.monotonic();
    // Mapped again at the moment of writing (updatedAt); the ids do not change.
    const mapping = measurementObservations(reading.measurement, reading.source, this.owner());
    if (!mapping.ok) {
      this.alert.set({ kind: 'refused', text: mapping.problem });
      return;
    }
    this.saving.set(true);
    this.alert.set(null);
    try {
      const result = await this.store.save(mapping.observations);
      const written = this.monotonic();
      const bytes = result.stored.reduce((sum, doc) => sum + documentBytes(doc), 0);
      this.timing.update((t) => ({
        ...t,
        save: round(written - started),
        toSaved: reading.lastNotificationAt === undefined ? undefined : round(written - reading.lastNotificationAt),
        bytes,
      }));
      console.debug('[misura] salvataggio', { stored: result.stored.length, ...this.timing() });
      if (result.stored.length > 0) this.saved.emit(result.stored);
      if (result.failed.length > 0) {
        this.alert.set({ kind: 'write-failed' });
        if (result.stored.length === 0) return;
      }
      const total = mapping.observations.length;
      if (result.stored.length === total) this.outcome.set('saved');
      else if (result.storedForAnotherPatient.length > 0) this.outcome.set('other-patient');
      else if (result.alreadyStored.length === total) this.outcome.set('duplicate');
      else {
        this.partial.set({ saved: result.stored.length + result.alreadyStored.length, total });
        this.outcome.set(result.failed.length > 0 ? 'partial' : 'saved');
      }
      this.goTo('done');
      if (result.stored.length > 0 && reading.device) await this.noteUse(reading.device);
    } catch (error) {
      if (!(error instanceof ObservationRuleError)) throw error;
      this.alert.set({ kind: 'rule', reason: error.message });
    } finally {
      this.saving.set(false);
    }
  }

  private remember(family: DeviceFamily, connection: KitConnection): void {
    this.connections.update((map) => new Map(map).set(family, connection));
  }

  private forget(family: DeviceFamily): void {
    this.connections.update((map) => {
      const next = new Map(map);
      next.delete(family);
      return next;
    });
  }

  /** The panel's step heading gets the focus, so keyboard and screen-reader users follow the steps. */
  private goTo(phase: Phase): void {
    this.phase.set(phase);
    afterNextRender({ write: () => this.host.nativeElement.querySelector<HTMLElement>('[data-step-heading]')?.focus() }, { injector: this.injector });
  }

  private owner() {
    const user = this.user();
    return { patient: this.patient(), visitId: this.visitId(), userId: user?.id ?? '', now: this.clock() };
  }

  private pairedDoc(connection: KitConnection): DeviceDoc | null {
    return this.devices().find((d) => d.bluetoothId === connection.bluetoothId) ?? null;
  }

  /** `source` of the readings: the DeviceDoc when paired; simulated devices say so in their model. */
  private sourceOf(connection: KitConnection, device: DeviceDoc | null): DeviceSource {
    const model = device?.model ?? (connection.name || connection.driver.label);
    const shown = connection.simulated && !model.startsWith(SIMULATOR_MODEL_PREFIX) ? `${SIMULATOR_MODEL_PREFIX} ${model}` : model;
    return { bluetoothId: connection.bluetoothId, deviceId: device?.id ?? unpairedDeviceId(connection.bluetoothId), model: shown };
  }

  private async noteUse(device: DeviceDoc): Promise<void> {
    const user = this.user();
    if (!user) return;
    try {
      await this.deviceRecords.recordUse(user, device.id, this.clock());
    } catch (error) {
      // The reading is saved; only the device's "last reading" stays older. Not worth an error on screen.
      if (!(error instanceof AppError)) throw error;
      console.warn('[misura] ultimo uso del dispositivo non registrato', error);
    }
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
