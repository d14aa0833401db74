import { inject, Injectable } from '@angular/core';
import type { PatientDoc, VisitDoc } from '@prossima/domain';
import { map, Observable, of } from 'rxjs';
import { DatabaseService } from './database';

/**
 * The live queries the screens use. Each observable re-emits when the local
 * database changes (a local write or a document delivered by sync), and
 * yields plain documents. A collection the role cannot read gives nothing
 * (`[]` or `null`); nothing is emitted while the database is still opening.
 */
@Injectable({ providedIn: 'root' })
export class LocalRecords {
  private readonly database = inject(DatabaseService);

  /** Every readable patient, by family name. */
  patients$(): Observable<PatientDoc[]> {
    return this.database.watch(({ collections: { patients } }) =>
      patients
        ? patients.find({ sort: [{ familyName: 'asc' }] }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON())))
        : of([]),
    );
  }

  /** One patient, or `null` when not on this device (not readable, or not synced yet). */
  patient$(id: string): Observable<PatientDoc | null> {
    return this.database.watch(({ collections: { patients } }) =>
      patients ? patients.findOne(id).$.pipe(map((doc) => doc?.toMutableJSON() ?? null)) : of(null),
    );
  }

  /** The visits planned on a date (`YYYY-MM-DD`), all nurses. */
  visitsOn$(date: string): Observable<VisitDoc[]> {
    return this.database.watch(({ collections: { visits } }) =>
      visits ? visits.find({ selector: { date } }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON()))) : of([]),
    );
  }

  /** A patient's visits (any order). */
  visitsOfPatient$(patientId: string): Observable<VisitDoc[]> {
    return this.database.watch(({ collections: { visits } }) =>
      visits
        ? visits.find({ selector: { patientId } }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON())))
        : of([]),
    );
  }

  /** One visit, or `null`. */
  visit$(id: string): Observable<VisitDoc | null> {
    return this.database.watch(({ collections: { visits } }) =>
      visits ? visits.findOne(id).$.pipe(map((doc) => doc?.toMutableJSON() ?? null)) : of(null),
    );
  }

  /** Whether this user's database has a collection of visits (the role may read them). */
  hasVisits$(): Observable<boolean> {
    return this.database.watch(({ collections }) => of(collections.visits !== undefined));
  }
}
