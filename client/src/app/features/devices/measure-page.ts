import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { DOCUMENT_ID_PATTERN, type ObservationDoc } from '@prossima/domain';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { switchMap } from 'rxjs';
import { LocalRecords } from '../../core/database/local-records';
import { LanguageService } from '../../core/i18n/language';
import { fullName } from '../visits/round';
import { MeasurePanelComponent } from './measure-panel';
import { readingLines, type ReadingLine } from './reading-view';
import { TrainingMode } from './training-mode';

const DOCUMENT_ID = new RegExp(DOCUMENT_ID_PATTERN);

/**
 * Measuring one patient with a kit device, on a page of its own
 * (`/pazienti/:patientId/misura?visita=<id>`): the MeasurePanelComponent the
 * visit page embeds, the way back, and the readings saved from here.
 */
@Component({
  selector: 'app-measure-page',
  imports: [RouterLink, TranslatePipe, MeasurePanelComponent],
  templateUrl: './measure-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeasurePage {
  /** The patient id (route parameter). */
  readonly patientId = input.required<string>();
  /** The visit the readings are taken in (query parameter), if any. */
  readonly visita = input<string>();
  /** "1" turns the training mode on, "0" off (query parameter). */
  readonly simulatore = input<string>();

  private readonly records = inject(LocalRecords);
  private readonly translate = inject(TranslateService);
  private readonly lang = inject(LanguageService).current;
  protected readonly fullName = fullName;

  /** `undefined` while loading, `null` when not on this device. */
  protected readonly patient = toSignal(toObservable(this.patientId).pipe(switchMap((id) => this.records.patient$(id))));
  /** A visit id from the address, only when it can be one (it is stored on each observation). */
  protected readonly visitId = computed(() => {
    const id = this.visita();
    return id && DOCUMENT_ID.test(id) ? id : undefined;
  });
  /** What was saved from this page, newest first. */
  private readonly savedDocs = signal<ObservationDoc[]>([]);
  protected readonly savedLines = computed<ReadingLine[]>(() =>
    readingLines(this.savedDocs(), this.lang(), this.translate.instant('devices.reading.bloodPressure')),
  );

  constructor() {
    const training = inject(TrainingMode);
    effect(() => training.applyQuery(this.simulatore()));
  }

  protected onSaved(docs: ObservationDoc[]): void {
    this.savedDocs.update((held) => [...docs, ...held]);
  }
}
