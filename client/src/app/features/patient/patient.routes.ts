import { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth-guards';

/** The patient list and a patient's record. */
export const patientRoutes: Routes = [
  {
    path: 'pazienti',
    title: 'titles.patients',
    canActivate: [roleGuard(['nurse', 'district-nurse', 'coordinator'])],
    loadComponent: () => import('./patients-page').then((m) => m.PatientsPage),
  },
  {
    path: 'pazienti/:id',
    title: 'titles.patient',
    canActivate: [roleGuard(['nurse', 'district-nurse', 'coordinator', 'patient'])],
    loadComponent: () => import('./patient-page').then((m) => m.PatientPage),
  },
];
