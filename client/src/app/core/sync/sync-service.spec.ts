import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { SessionUser } from '@prossima/domain';
import { NURSE, provideMemoryStorage } from '../../../testing/test-helpers';
import { AuthSession } from '../auth/auth-session';
import { SessionLifecycle } from '../session/session-lifecycle';
import { SyncHttp, SYNC_TRANSPORT } from './sync-http';
import { SyncService } from './sync-service';
import { SyncStatus } from './sync-status';

describe('SyncService, when the server revokes the session', () => {
  let signOut: ReturnType<typeof vi.fn>;
  let refreshed: number;

  beforeEach(() => {
    signOut = vi.fn(async () => 'signed-out');
    refreshed = 0;
    TestBed.configureTestingModule({
      providers: [
        provideMemoryStorage(),
        {
          provide: AuthSession,
          useValue: {
            user: signal<SessionUser | null>(NURSE),
            accessToken: async () => 'token-1',
            refresh: async () => (refreshed++, 'token-2'),
          },
        },
        { provide: SessionLifecycle, useValue: { signOut } },
        {
          provide: SYNC_TRANSPORT,
          useValue: (async () =>
            new Response(JSON.stringify({ error: 'session_revoked', reason: 'This device was revoked by an administrator' }), {
              status: 401,
            })) as typeof fetch,
        },
      ],
    });
  });

  it('when any sync call gets 401 session_revoked, then the sync stops and the user is signed out with the data wiped', async () => {
    TestBed.inject(SyncService);
    const status = TestBed.inject(SyncStatus);
    status.bindUser(NURSE.id);
    await expect(TestBed.inject(SyncHttp).getJson('/api/sync/access')).rejects.toMatchObject({ code: 'session-revoked' });
    await vi.waitFor(() => expect(signOut).toHaveBeenCalledWith({ revoked: true }));
    expect(refreshed).toBe(0);
    expect(status.lastError()?.code).toBe('session-revoked');
  });
});
