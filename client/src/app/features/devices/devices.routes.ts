import { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth-guards';

/**
 * The kit's Bluetooth devices: the list of paired devices (pairing, battery)
 * and a page that measures one patient with a device (the visit page embeds
 * the same MeasurePanelComponent). Query parameters: `simulatore=1` turns the
 * training mode on (simulated devices), `visita=<id>` links the readings to a visit.
 */
export const devicesRoutes: Routes = [
  {
    path: 'dispositivi',
    title: 'devices.titles.devices',
    canActivate: [roleGuard(['nurse', 'patient'])],
    loadComponent: () => import('./devices-page').then((m) => m.DevicesPage),
  },
  {
    path: 'pazienti/:patientId/misura',
    title: 'devices.titles.measure',
    canActivate: [roleGuard(['nurse', 'patient'])],
    loadComponent: () => import('./measure-page').then((m) => m.MeasurePage),
  },
];
