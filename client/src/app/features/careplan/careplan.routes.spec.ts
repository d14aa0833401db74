import { provideHttpClient } from '@angular/common/http';
import { EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, CanActivateFn, provideRouter, RouterStateSnapshot, UrlTree } from '@angular/router';
import type { Role } from '@prossima/domain';
import { NURSE, provideMemoryStorage } from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { careplanRoutes } from './careplan.routes';

describe('careplanRoutes', () => {
  /** Whether `role` may open the route at `path` (its guards all say yes). */
  function allows(path: string, role: Role): boolean {
    const route = careplanRoutes.find((r) => r.path === path)!;
    // The session is read when AuthSession is made: a fresh injector per user.
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideRouter([]), provideMemoryStorage()] });
    TestBed.inject(AuthStore).writeSession({ user: { ...NURSE, role, patientId: role === 'patient' ? 'p-mario' : undefined }, refreshToken: 'r' });
    return (route.canActivate as CanActivateFn[]).every((guard) => {
      const verdict = runInInjectionContext(TestBed.inject(EnvironmentInjector), () =>
        guard({} as ActivatedRouteSnapshot, { url: `/${path}` } as RouterStateSnapshot),
      );
      return !(verdict instanceof UrlTree) && verdict === true;
    });
  }

  it('when the routes are listed, then the PAI page and both editor paths are there', () => {
    expect(careplanRoutes.map((r) => r.path)).toEqual([
      'pazienti/:patientId/pai',
      'pazienti/:patientId/pai/nuovo',
      'pazienti/:patientId/pai/:careplanId/modifica',
    ]);
  });

  it('when a nurse, a district nurse, a coordinator or the patient opens the PAI page, then the guard lets them through; the admin is sent away', () => {
    expect((['nurse', 'district-nurse', 'coordinator', 'patient'] as const).map((role) => allows('pazienti/:patientId/pai', role))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(allows('pazienti/:patientId/pai', 'admin')).toBe(false);
  });

  it('when someone opens an editor route, then only district nurses and coordinators get through', () => {
    for (const path of ['pazienti/:patientId/pai/nuovo', 'pazienti/:patientId/pai/:careplanId/modifica']) {
      expect(allows(path, 'district-nurse')).toBe(true);
      expect(allows(path, 'coordinator')).toBe(true);
      expect(allows(path, 'nurse')).toBe(false);
      expect(allows(path, 'patient')).toBe(false);
      expect(allows(path, 'admin')).toBe(false);
    }
  });

  it('when the routes load, then they carry translated titles of the careplan namespace', () => {
    expect(careplanRoutes.map((r) => r.title)).toEqual(['careplan.titles.pai', 'careplan.titles.new', 'careplan.titles.edit']);
  });
});
