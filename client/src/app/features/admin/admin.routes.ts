import { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth-guards';

/** The administration console (a placeholder in the walking skeleton). */
export const adminRoutes: Routes = [
  {
    path: 'amministrazione',
    title: 'titles.admin',
    canActivate: [roleGuard(['admin'])],
    loadComponent: () => import('./admin-page').then((m) => m.AdminPage),
  },
];
