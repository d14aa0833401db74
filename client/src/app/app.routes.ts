import { Routes } from '@angular/router';
import { redirectHome, signedInGuard, signedOutGuard } from './core/auth/auth-guards';
import { adminRoutes } from './features/admin/admin.routes';
import { patientRoutes } from './features/patient/patient.routes';
import { visitsRoutes } from './features/visits/visits.routes';

/** Every page is lazy: the initial bundle holds only the frame, auth and sync state. */
export const routes: Routes = [
  {
    path: 'login',
    title: 'titles.login',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/login/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    canActivateChild: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: redirectHome },
      ...visitsRoutes,
      ...patientRoutes,
      ...adminRoutes,
    ],
  },
  { path: '**', redirectTo: '' },
];
