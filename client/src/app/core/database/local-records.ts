import { inject, Injectable } from '@angular/core';
import type { AssessmentDoc, CareplanDoc, ObservationDoc, PatientDoc, VisitDoc } from '@prossima/domain';
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

  /** A patient's care plans (PAI), newest review first; the active one is what the visit follows. */
  careplansOfPatient$(patientId: string): Observable<CareplanDoc[]> {
    return this.database.watch(({ collections: { careplans } }) =>
      careplans
        ? careplans.find({ selector: { patientId } }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON()).sort((a, b) => b.reviewDate.localeCompare(a.reviewDate))))
        : of([]),
    );
  }

  /** The care plans in force (status active) of every readable patient: the round shows what is due from them. */
  activeCareplans$(): Observable<CareplanDoc[]> {
    return this.database.watch(({ collections: { careplans } }) =>
      careplans ? careplans.find({ selector: { status: 'active' } }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON()))) : of([]),
    );
  }

  /** One care plan, or `null`. */
  careplan$(id: string): Observable<CareplanDoc | null> {
    return this.database.watch(({ collections: { careplans } }) =>
      careplans ? careplans.findOne(id).$.pipe(map((doc) => doc?.toMutableJSON() ?? null)) : of(null),
    );
  }

  /** A patient's assessments, oldest first (optionally of one instrument). */
  assessmentsOfPatient$(patientId: string, instrumentId?: string): Observable<AssessmentDoc[]> {
    return this.database.watch(({ collections: { assessments } }) =>
      assessments
        ? assessments
            .find({ selector: { patientId, ...(instrumentId ? { instrumentId } : {}) } })
            .$.pipe(map((docs) => docs.map((d) => d.toMutableJSON()).sort((a, b) => a.takenAt.localeCompare(b.takenAt))))
        : of([]),
    );
  }

  /** A patient's observations, oldest first (optionally of one LOINC code). */
  observationsOfPatient$(patientId: string, code?: string): Observable<ObservationDoc[]> {
    return this.database.watch(({ collections: { observations } }) =>
      observations
        ? observations
            .find({ selector: { patientId, ...(code ? { code } : {}) }, sort: [{ effectiveAt: 'asc' }] })
            .$.pipe(map((docs) => docs.map((d) => d.toMutableJSON())))
        : of([]),
    );
  }

  /** Whether this user's database has a collection of visits (the role may read them). */
  hasVisits$(): Observable<boolean> {
    return this.database.watch(({ collections }) => of(collections.visits !== undefined));
  }
}
