import { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth-guards';

/** A patient's vital signs: the trends (staff and the patient) and the manual entry form (staff). */
export const vitalsRoutes: Routes = [
  {
    path: 'pazienti/:patientId/parametri',
    title: 'vitals.titles.history',
    canActivate: [roleGuard(['nurse', 'district-nurse', 'coordinator', 'patient'])],
    loadComponent: () => import('./vitals-history-page').then((m) => m.VitalsHistoryPage),
  },
  {
    path: 'pazienti/:patientId/parametri/nuovi',
    title: 'vitals.titles.new',
    canActivate: [roleGuard(['nurse', 'district-nurse', 'coordinator'])],
    loadComponent: () => import('./vitals-form-page').then((m) => m.VitalsFormPage),
  },
];
