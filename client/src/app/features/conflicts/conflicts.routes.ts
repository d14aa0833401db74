import { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth-guards';

/** The coordinator's conflict log. */
export const conflictsRoutes: Routes = [
  {
    path: 'conflitti',
    title: 'titles.conflicts',
    canActivate: [roleGuard(['coordinator'])],
    loadComponent: () => import('./conflicts-page').then((m) => m.ConflictsPage),
  },
];
