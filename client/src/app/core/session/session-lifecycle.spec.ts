import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SessionUser } from '@prossima/domain';
import { NURSE, provideMemoryStorage } from '../../../testing/test-helpers';
import { AuthSession } from '../auth/auth-session';
import { DatabaseService } from '../database/database';
import type { OpenDatabase } from '../database/database-types';
import { PendingChanges } from '../sync/pending-changes';
import { SyncService } from '../sync/sync-service';
import { SessionLifecycle } from './session-lifecycle';

describe('SessionLifecycle', () => {
  let user: ReturnType<typeof signal<SessionUser | null>>;
  let calls: string[];

  beforeEach(() => {
    user = signal<SessionUser | null>(NURSE);
    calls = [];
    const fakeDb = { name: 'prossima-u-anna' } as OpenDatabase;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideMemoryStorage(),
        {
          provide: AuthSession,
          useValue: {
            user,
            endReason: signal(null),
            revoke: async () => void calls.push('revoke'),
            clear: () => {
              calls.push('clear');
              user.set(null);
            },
          },
        },
        {
          provide: DatabaseService,
          useValue: {
            open: async (u: SessionUser) => (calls.push(`open ${u.id}`), fakeDb),
            close: async () => void calls.push('close'),
            remove: async (id: string) => void calls.push(`remove ${id}`),
          },
        },
        {
          provide: SyncService,
          useValue: {
            start: async () => void calls.push('start'),
            stop: async () => void calls.push('stop'),
            flush: async () => (calls.push('flush'), false),
          },
        },
      ],
    });
    vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  async function settle(): Promise<void> {
    TestBed.tick();
    await new Promise((r) => setTimeout(r));
  }

  it('when a user is signed in at start-up, then their database opens and the sync starts', async () => {
    TestBed.inject(SessionLifecycle);
    await settle();
    expect(calls).toEqual(['open u-anna', 'start']);
  });

  it('when signing out with everything sent, then the token is revoked and the local database deleted', async () => {
    const lifecycle = TestBed.inject(SessionLifecycle);
    await settle();
    calls.length = 0;
    await lifecycle.signOut();
    expect(calls.slice(0, 4)).toEqual(['stop', 'revoke', 'remove u-anna', 'clear']);
    expect(TestBed.inject(Router).navigateByUrl).toHaveBeenCalledWith('/login');
  });

  it('when signing out with changes the server has not received, then the database is kept for the next sign-in', async () => {
    const lifecycle = TestBed.inject(SessionLifecycle);
    await settle();
    TestBed.inject(PendingChanges).record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' });
    calls.length = 0;
    await lifecycle.signOut();
    expect(calls).toContain('flush');
    expect(calls.some((c) => c.startsWith('remove'))).toBe(false);
    expect(calls).toContain('clear');
  });
});
