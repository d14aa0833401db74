import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { DOCUMENT_ID_PATTERN } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { switchMap } from 'rxjs';
import { LocalRecords } from '../../core/database/local-records';
import { fullName } from '../visits/round';
import { LatestVitalsComponent } from './latest-vitals';
import { VitalsFormComponent } from './vitals-form';

const DOCUMENT_ID = new RegExp(DOCUMENT_ID_PATTERN);

/** Recording vital signs by hand for a patient; from a visit (`?visita=`), back to it once saved. */
@Component({
  selector: 'app-vitals-form-page',
  imports: [RouterLink, TranslatePipe, VitalsFormComponent, LatestVitalsComponent],
  templateUrl: './vitals-form-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VitalsFormPage {
  /** The patient id (route parameter). */
  readonly patientId = input.required<string>();
  /** The visit the values are taken in (query parameter), if any. */
  readonly visita = input<string>();

  private readonly records = inject(LocalRecords);
  private readonly router = inject(Router);
  protected readonly fullName = fullName;

  /** `undefined` while loading, `null` when not on this device. */
  protected readonly patient = toSignal(toObservable(this.patientId).pipe(switchMap((id) => this.records.patient$(id))));
  /** A visit id from the address, only when it can be one (it is stored on each observation). */
  protected readonly visitId = computed(() => {
    const id = this.visita();
    return id && DOCUMENT_ID.test(id) ? id : undefined;
  });

  protected afterSave(): void {
    const visitId = this.visitId();
    if (visitId) void this.router.navigate(['/visite', visitId]);
  }
}
