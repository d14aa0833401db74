import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { VITALS, type ObservationDoc } from '@prossima/domain';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { map, of, switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { LocalRecords } from '../../core/database/local-records';
import { LanguageService } from '../../core/i18n/language';
import { PendingChanges } from '../../core/sync/pending-changes';
import { SyncStatus } from '../../core/sync/sync-status';
import { MeasurePanelComponent } from '../devices/measure-panel';
import { MeasurementSession } from '../devices/measurement-session';
import { deliveryOf, rangeKey, readingText } from './home-format';
import { HomeKindIcon } from './home-kind-icon';
import { HOME_KIND_DEFINITIONS, isHomeKind, stepKeys, type HomeKind } from './home-kinds';
import { HomeManualForm } from './home-manual-form';
import { savedResult } from './home-readings';

/**
 * One guided home measurement (`/casa/misura/:kind`, role patient): numbered
 * steps in plain Italian, then the measurement with a kit device (the devices
 * feature's MeasurePanelComponent, offering only the devices that measure this
 * kind) or, where the browser has no Web Bluetooth (and the training mode is
 * off) or the patient asks for it, typed by hand; then the
 * result in big type, whether it is within the expected range, and whether it
 * has reached the care team or will when there is a connection.
 */
@Component({
  selector: 'app-home-measure-page',
  imports: [RouterLink, MatButton, TranslatePipe, HomeKindIcon, HomeManualForm, MeasurePanelComponent],
  templateUrl: './home-measure-page.html',
  styleUrl: './home-measure-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomeMeasurePage {
  /** The measurement (route parameter): one of `HOME_KINDS`. */
  readonly kind = input.required<string>();

  private readonly records = inject(LocalRecords);
  private readonly user = inject(AuthSession).user;
  private readonly lang = inject(LanguageService).current;
  private readonly pending = inject(PendingChanges);
  private readonly online = inject(SyncStatus).online;
  private readonly injector = inject(Injector);
  private readonly session = inject(MeasurementSession);
  /** Whether kit devices can be used: Web Bluetooth here, or the training mode's simulated devices (a signal: it can be switched on). */
  protected readonly supported = computed(() => this.session.isSupported());

  /** The measurement, or `null` for a segment that names none. */
  protected readonly homeKind = computed<HomeKind | null>(() => {
    const kind = this.kind();
    return isHomeKind(kind) ? kind : null;
  });
  private readonly patientId = computed(() => this.user()?.patientId ?? null);
  /** `undefined` while loading, `null` when not on this device. */
  protected readonly patient = toSignal(toObservable(this.patientId).pipe(switchMap((id) => (id ? this.records.patient$(id) : of(null)))));

  /** The manual entry is open: always without devices, on request with them. */
  protected readonly manualOpen = signal(false);
  protected readonly manualShown = computed(() => !this.supported() || this.manualOpen());
  protected readonly steps = computed(() => {
    const kind = this.homeKind();
    return kind ? stepKeys(kind, this.supported() ? 'device' : 'manual') : [];
  });
  /** The names of the buttons the steps mention, as the panel and the form show them (the steps say «Avvia la misura»). */
  protected readonly buttons = toSignal(
    inject(TranslateService)
      .stream(['devices.panel.start', 'devices.panel.save', 'homeKit.manual.save'])
      .pipe(map((t: Record<string, string>) => ({ start: t['devices.panel.start'], save: t['devices.panel.save'], typedSave: t['homeKit.manual.save'] }))),
    { initialValue: { start: '', save: '', typedSave: '' } },
  );
  /** The kit devices that measure this kind: the panel offers only those. */
  protected readonly families = computed(() => {
    const kind = this.homeKind();
    return kind ? HOME_KIND_DEFINITIONS[kind].families : [];
  });
  protected readonly canTypeIn = computed(() => {
    const kind = this.homeKind();
    return kind !== null && HOME_KIND_DEFINITIONS[kind].manual.length > 0;
  });

  /** The observations the last measurement saved, or `null` before one. */
  private readonly saved = signal<ObservationDoc[] | null>(null);
  protected readonly result = computed(() => {
    const kind = this.homeKind();
    const saved = this.saved();
    if (!kind || !saved) return null;
    const lang = this.lang();
    const result = savedResult(kind, saved);
    return {
      value: result.primary ? readingText(result.primary, lang) : null,
      others: result.others.map((reading) => ({
        kind: reading.kind,
        label: reading.kind === 'blood-pressure' ? null : VITALS[reading.kind].label[lang],
        value: readingText(reading, lang),
      })),
      range: rangeKey({ outOfRange: result.outOfRange, hasValue: result.primary !== null }),
    };
  });
  /** Sent, on its way, or waiting for a connection: follows the sync live. */
  protected readonly delivery = computed(() => {
    const saved = this.saved();
    return saved ? deliveryOf(saved.map((doc) => doc.id), this.pending.entries(), this.online()) : null;
  });

  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');
  private readonly manualHeading = viewChild<ElementRef<HTMLElement>>('manualHeading');

  protected onSaved(docs: ObservationDoc[]): void {
    this.saved.set(docs);
    // The page changes under the patient: take the screen reader to the result.
    this.focusAfterRender(() => this.resultHeading());
  }

  protected toggleManual(): void {
    this.manualOpen.update((open) => !open);
    if (this.manualOpen()) this.focusAfterRender(() => this.manualHeading());
  }

  protected again(): void {
    this.saved.set(null);
    this.manualOpen.set(false);
  }

  private focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender({ write: () => target()?.nativeElement.focus() }, { injector: this.injector });
  }
}
