import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SessionUser } from '@prossima/domain';
import { NURSE, provideMemoryStorage } from '../../../testing/test-helpers';
import { AuthSession, SessionEndReason } from '../auth/auth-session';
import { DataKey, DataKeyVault } from '../auth/data-key-vault';
import { DatabaseService } from '../database/database';
import type { OpenDatabase } from '../database/database-types';
import { Connectivity } from '../network/connectivity';
import { PendingChanges } from '../sync/pending-changes';
import { SyncService } from '../sync/sync-service';
import { CONFIRM_DATA_LOSS, DataLossQuestion } from './confirm-data-loss';
import { LocalDataWipe } from './local-data-wipe';
import { SessionLifecycle } from './session-lifecycle';

describe('SessionLifecycle', () => {
  const KEY: DataKey = { userId: NURSE.id, secret: 'k'.repeat(43) };
  let user: ReturnType<typeof signal<SessionUser | null>>;
  let key: ReturnType<typeof signal<DataKey | null>>;
  let online: ReturnType<typeof signal<boolean>>;
  let ended: SessionEndReason | null;
  let calls: string[];
  let questions: DataLossQuestion[];
  let answer: boolean;

  beforeEach(() => {
    user = signal<SessionUser | null>(NURSE);
    key = signal<DataKey | null>(KEY);
    online = signal(true);
    ended = null;
    calls = [];
    questions = [];
    answer = true;
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
            clear: (reason: SessionEndReason | null = null) => {
              calls.push('clear');
              ended = reason;
              user.set(null);
            },
          },
        },
        { provide: DataKeyVault, useValue: { key } },
        { provide: Connectivity, useValue: { online, browserOnline: online } },
        {
          provide: DatabaseService,
          useValue: {
            open: async (u: SessionUser, k: DataKey) => (calls.push(`open ${u.id} ${k === KEY ? 'key' : '?'}`), fakeDb),
            close: async () => void calls.push('close'),
          },
        },
        { provide: LocalDataWipe, useValue: { wipe: async (id: string) => (calls.push(`wipe ${id}`), true), retryLeftovers: async () => undefined } },
        {
          provide: SyncService,
          useValue: {
            start: async () => void calls.push('start'),
            stop: async () => void calls.push('stop'),
            flush: async () => (calls.push('flush'), false),
          },
        },
        {
          provide: CONFIRM_DATA_LOSS,
          useValue: async (question: DataLossQuestion) => (questions.push(question), answer),
        },
      ],
    });
    vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  async function settle(): Promise<void> {
    TestBed.tick();
    await new Promise((r) => setTimeout(r));
  }

  function unsent(count: number): void {
    const pending = TestBed.inject(PendingChanges);
    for (let i = 0; i < count; i++) pending.record({ collection: 'visits', id: `v-${i}`, updatedAt: '2025-11-22T09:00:00.000Z' });
  }

  it('when a user is signed in and her key is unlocked, then her database opens with the key and the sync starts', async () => {
    TestBed.inject(SessionLifecycle);
    await settle();
    expect(calls).toEqual(['open u-anna key', 'start']);
  });

  it('when the session exists but the key is locked (cold start), then nothing opens until it is unlocked', async () => {
    key.set(null);
    TestBed.inject(SessionLifecycle);
    await settle();
    expect(calls.filter((c) => c.startsWith('open') || c === 'start')).toEqual([]);
    key.set(KEY);
    await settle();
    expect(calls).toContain('open u-anna key');
    expect(calls.at(-1)).toBe('start');
  });

  it('when signing out with everything sent, then the sync stops, the token is revoked and the local data wiped, without asking', async () => {
    const lifecycle = TestBed.inject(SessionLifecycle);
    await settle();
    calls.length = 0;
    await expect(lifecycle.signOut()).resolves.toBe('signed-out');
    expect(calls.slice(0, 4)).toEqual(['stop', 'revoke', 'wipe u-anna', 'clear']);
    expect(questions).toEqual([]);
    expect(TestBed.inject(Router).navigateByUrl).toHaveBeenCalledWith('/login');
  });

  it('when signing out online with unsent changes, then they are flushed first and, still unsent, the user is asked with their count', async () => {
    const lifecycle = TestBed.inject(SessionLifecycle);
    await settle();
    unsent(3);
    calls.length = 0;
    await lifecycle.signOut();
    expect(calls[0]).toBe('flush');
    expect(questions).toEqual([{ count: 3, titleKey: 'dataLoss.signOutTitle', confirmKey: 'dataLoss.signOut' }]);
    expect(calls).toContain('wipe u-anna');
  });

  it('when the user cancels the dialog, then nothing is wiped and she stays signed in', async () => {
    const lifecycle = TestBed.inject(SessionLifecycle);
    await settle();
    unsent(1);
    answer = false;
    calls.length = 0;
    await expect(lifecycle.signOut()).resolves.toBe('cancelled');
    expect(calls).toEqual(['flush']);
    expect(user()).toEqual(NURSE);
    expect(lifecycle.signingOut()).toBe(false);
  });

  it('when signing out offline with unsent changes, then nothing is flushed or revoked, and confirming wipes', async () => {
    const lifecycle = TestBed.inject(SessionLifecycle);
    await settle();
    online.set(false);
    unsent(2);
    calls.length = 0;
    await lifecycle.signOut();
    expect(calls).not.toContain('flush');
    expect(calls).not.toContain('revoke');
    expect(questions.map((q) => q.count)).toEqual([2]);
    expect(calls).toContain('wipe u-anna');
  });

  it('when the server revoked the session, then the local data is wiped without asking, flushing or calling the server', async () => {
    const lifecycle = TestBed.inject(SessionLifecycle);
    await settle();
    unsent(2);
    calls.length = 0;
    await lifecycle.signOut({ revoked: true });
    expect(calls.slice(0, 3)).toEqual(['stop', 'wipe u-anna', 'clear']);
    expect(questions).toEqual([]);
    expect(ended).toBe('revoked');
  });
});
