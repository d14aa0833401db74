import { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth-guards';

/** A patient's assessments: the history by instrument, and the form of a new one. */
export const assessmentsRoutes: Routes = [
  {
    path: 'pazienti/:patientId/valutazioni',
    title: 'assessments.titles.history',
    canActivate: [roleGuard(['nurse', 'district-nurse', 'coordinator'])],
    loadComponent: () => import('./assessment-history-page').then((m) => m.AssessmentHistoryPage),
  },
  {
    // Query parameter `visita`: the visit the result belongs to.
    path: 'pazienti/:patientId/valutazioni/nuova/:instrumentId',
    title: 'assessments.titles.form',
    canActivate: [roleGuard(['nurse', 'district-nurse', 'coordinator'])],
    loadComponent: () => import('./assessment-form-page').then((m) => m.AssessmentFormPage),
  },
];
