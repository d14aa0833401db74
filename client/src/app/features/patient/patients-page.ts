import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LocalRecords } from '../../core/database/local-records';
import { fullName } from '../visits/round';

/** "Pazienti": every patient this user may see, from the local database. */
@Component({
  selector: 'app-patients-page',
  imports: [RouterLink, TranslatePipe],
  template: `
    <h1>{{ 'patients.title' | translate }}</h1>
    @if (patients(); as list) {
      @if (list.length === 0) {
        <p>{{ 'patients.empty' | translate }}</p>
      } @else {
        <ul class="patients plain-list">
          @for (patient of list; track patient.id) {
            <li class="card">
              <a class="name" [routerLink]="['/pazienti', patient.id]">{{ fullName(patient) }}</a>
              <span class="muted">{{ patient.address.city }} ({{ patient.address.province }})</span>
              @if (patient.status === 'discharged') {
                <span class="status-chip">{{ 'patient.status.discharged' | translate }}</span>
              }
            </li>
          }
        </ul>
      }
    } @else {
      <p>{{ 'common.loading' | translate }}</p>
    }
  `,
  styles: `
    .patients {
      display: grid;
      gap: 0.5rem;
    }
    .patients li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 1rem;
    }
    .name {
      font-size: 1.25rem;
      font-weight: 700;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientsPage {
  protected readonly patients = toSignal(inject(LocalRecords).patients$());
  protected readonly fullName = fullName;
}
