import { Routes } from '@angular/router';
import { lockedGuard, redirectHome, signedInGuard, signedOutGuard, unlockedGuard } from './core/auth/auth-guards';
import { adminRoutes } from './features/admin/admin.routes';
import { assessmentsRoutes } from './features/assessments/assessments.routes';
import { careplanRoutes } from './features/careplan/careplan.routes';
import { conflictsRoutes } from './features/conflicts/conflicts.routes';
import { devicesRoutes } from './features/devices/devices.routes';
import { homeKitRoutes } from './features/home-kit/home-kit.routes';
import { patientRoutes } from './features/patient/patient.routes';
import { visitsRoutes } from './features/visits/visits.routes';
import { vitalsRoutes } from './features/vitals/vitals.routes';

/** Every page is lazy: the initial bundle holds only the frame, auth and sync state. */
export const routes: Routes = [
  {
    path: 'login',
    title: 'titles.login',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/login/login-page').then((m) => m.LoginPage),
  },
  {
    // A signed-in user whose data key is not in memory (a cold start) unlocks it here, offline.
    path: 'sblocca',
    title: 'titles.unlock',
    canActivate: [lockedGuard],
    loadComponent: () => import('./features/login/unlock-page').then((m) => m.UnlockPage),
  },
  {
    path: '',
    canActivate: [signedInGuard, unlockedGuard],
    canActivateChild: [signedInGuard, unlockedGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: redirectHome },
      ...visitsRoutes,
      ...patientRoutes,
      ...careplanRoutes,
      ...assessmentsRoutes,
      ...vitalsRoutes,
      ...devicesRoutes,
      ...homeKitRoutes,
      ...adminRoutes,
      ...conflictsRoutes,
    ],
  },
  { path: '**', redirectTo: '' },
];
