import { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth-guards';

/** The nurse's round (today, tomorrow) and the visit page. */
export const visitsRoutes: Routes = [
  {
    path: 'oggi',
    title: 'titles.today',
    canActivate: [roleGuard(['nurse'])],
    data: { dayOffset: 0 },
    loadComponent: () => import('./round-page').then((m) => m.RoundPage),
  },
  {
    path: 'domani',
    title: 'titles.tomorrow',
    canActivate: [roleGuard(['nurse'])],
    data: { dayOffset: 1 },
    loadComponent: () => import('./round-page').then((m) => m.RoundPage),
  },
  {
    path: 'visite/:id/resoconto',
    title: 'titles.visitReport',
    canActivate: [roleGuard(['nurse', 'district-nurse', 'coordinator'])],
    loadComponent: () => import('./visit-report-page').then((m) => m.VisitReportPage),
  },
  {
    path: 'visite/:id',
    title: 'titles.visit',
    canActivate: [roleGuard(['nurse', 'district-nurse', 'coordinator'])],
    loadComponent: () => import('./visit-page').then((m) => m.VisitPage),
  },
];
