import { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth-guards';

/** The patient's home kit: the big-button home screen and one guided flow per measurement. */
export const homeKitRoutes: Routes = [
  {
    path: 'casa',
    title: 'homeKit.titles.home',
    canActivate: [roleGuard(['patient'])],
    loadComponent: () => import('./home-kit-page').then((m) => m.HomeKitPage),
  },
  {
    path: 'casa/misura/:kind',
    title: 'homeKit.titles.measure',
    canActivate: [roleGuard(['patient'])],
    loadComponent: () => import('./home-measure-page').then((m) => m.HomeMeasurePage),
  },
];
