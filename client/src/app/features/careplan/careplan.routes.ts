import { Routes } from '@angular/router';
import type { Role } from '@prossima/domain';
import { roleGuard } from '../../core/auth/auth-guards';

/** Who reads a PAI: the care staff, and the patient (his own). */
export const CAREPLAN_READERS: readonly Role[] = ['nurse', 'district-nurse', 'coordinator', 'patient'];
/** Who writes a PAI (the server enforces it too, see ACCESS_RULES). */
export const CAREPLAN_EDITORS: readonly Role[] = ['district-nurse', 'coordinator'];

/** A patient's PAI, and the editor for a new or an existing plan. */
export const careplanRoutes: Routes = [
  {
    path: 'pazienti/:patientId/pai',
    title: 'careplan.titles.pai',
    canActivate: [roleGuard(CAREPLAN_READERS)],
    loadComponent: () => import('./careplan-page').then((m) => m.CareplanPage),
  },
  {
    path: 'pazienti/:patientId/pai/nuovo',
    title: 'careplan.titles.new',
    canActivate: [roleGuard(CAREPLAN_EDITORS)],
    loadComponent: () => import('./careplan-editor-page').then((m) => m.CareplanEditorPage),
  },
  {
    path: 'pazienti/:patientId/pai/:careplanId/modifica',
    title: 'careplan.titles.edit',
    canActivate: [roleGuard(CAREPLAN_EDITORS)],
    loadComponent: () => import('./careplan-editor-page').then((m) => m.CareplanEditorPage),
  },
];
