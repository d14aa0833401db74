import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { LocalRecords } from '../../core/database/local-records';
import { LanguageService } from '../../core/i18n/language';
import { Connectivity } from '../../core/network/connectivity';
import { fullName } from '../visits/round';
import { contestedFields, type ConflictLogEntry } from './conflict-entry';

/**
 * "Conflitti": the district's conflict log for the coordinator. Two devices
 * edited the same document offline; the tablets merged field by field and the
 * losing values were kept here. The log lives on the server: the page reads it
 * online.
 */
@Component({
  selector: 'app-conflicts-page',
  imports: [RouterLink, TranslatePipe],
  template: `
    <h1>{{ 'conflicts.title' | translate }}</h1>
    <p>{{ 'conflicts.intro' | translate }}</p>
    @if (!online()) {
      <p role="note">{{ 'conflicts.onlineOnly' | translate }}</p>
    } @else if (error()) {
      <p role="alert">{{ 'conflicts.loadFailed' | translate }}</p>
    } @else if (entries(); as list) {
      @if (list.length === 0) {
        <p>{{ 'conflicts.empty' | translate }}</p>
      } @else {
        <ul class="plain-list conflicts">
          @for (entry of list; track entry.docId + entry.recordedAt) {
            <li class="card">
              <h2>
                @if (entry.patientId) {
                  <a [routerLink]="['/pazienti', entry.patientId]">{{ patientName(entry.patientId) }}</a> —
                }
                {{ 'conflicts.collection.' + entry.collection | translate }}
              </h2>
              <p class="muted">
                {{ 'conflicts.detected' | translate: { when: when(entry.detectedAt), user: entry.userId, device: entry.deviceId } }}
              </p>
              <table>
                <caption class="visually-hidden">{{ 'conflicts.caption' | translate: { id: entry.docId } }}</caption>
                <thead>
                  <tr>
                    <th scope="col">{{ 'conflicts.field' | translate }}</th>
                    <th scope="col">{{ 'conflicts.kept' | translate }}</th>
                    <th scope="col">{{ 'conflicts.replaced' | translate }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of fields(entry); track row.field) {
                    <tr>
                      <th scope="row">{{ row.field }}</th>
                      <td>{{ row.kept }}</td>
                      <td>{{ row.replaced }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </li>
          }
        </ul>
      }
    } @else {
      <p>{{ 'common.loading' | translate }}</p>
    }
  `,
  styles: `
    .conflicts {
      display: grid;
      gap: 1rem;
    }
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.25rem;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      border-bottom: 1px solid #c5c7c9;
      padding: 0.5rem;
      text-align: left;
      vertical-align: top;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConflictsPage {
  private readonly http = inject(HttpClient);
  private readonly language = inject(LanguageService).current;
  protected readonly online = inject(Connectivity).online;
  protected readonly entries = signal<ConflictLogEntry[] | null>(null);
  protected readonly error = signal(false);
  private readonly patients = toSignal(inject(LocalRecords).patients$(), { initialValue: [] });
  private readonly names = computed(() => new Map(this.patients().map((p) => [p.id, fullName(p)])));
  protected readonly fields = contestedFields;

  constructor() {
    // Loaded when the page opens online, and again when the connection comes back.
    effect(() => {
      if (this.online()) untracked(() => void this.load());
    });
  }

  protected patientName(id: string): string {
    return this.names().get(id) ?? id;
  }

  protected when(instant: string): string {
    return new Intl.DateTimeFormat(this.language(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant));
  }

  private async load(): Promise<void> {
    try {
      const answer = await firstValueFrom(this.http.get<{ entries: ConflictLogEntry[] }>('/api/conflicts?limit=200'));
      this.error.set(false);
      this.entries.set(answer.entries);
    } catch (err) {
      if (!(err instanceof HttpErrorResponse)) throw err;
      // Offline is shown as such; any other failure is said on the page.
      if (this.online()) this.error.set(true);
    }
  }
}
