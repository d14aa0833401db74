import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { SessionUser } from '@prossima/domain';
import { FakeClock, NURSE, provideClock, provideMemoryStorage } from '../../../testing/test-helpers';
import { AuthSession } from '../auth/auth-session';
import { Connectivity } from '../network/connectivity';
import { RecordOpenings } from './audit-queue';
import { DataKeyVault } from '../auth/data-key-vault';
import { LOCAL_STORE } from '../storage';
import { ConflictLog } from './conflict-log';
import { SYNC_TRANSPORT } from './sync-http';

describe('RecordOpenings and ConflictLog (queued reports)', () => {
  let user: ReturnType<typeof signal<SessionUser | null>>;
  let posts: { url: string; auth: string | null; body: unknown }[];
  let serverUp: boolean;

  beforeEach(() => {
    user = signal<SessionUser | null>(NURSE);
    posts = [];
    serverUp = false;
    TestBed.configureTestingModule({
      providers: [
        provideMemoryStorage(),
        provideClock(new FakeClock(new Date('2025-11-22T09:15:00.000Z'))),
        { provide: AuthSession, useValue: { user, accessToken: async () => 'token-1', refresh: async () => 'token-2' } },
        {
          provide: SYNC_TRANSPORT,
          useValue: (async (input: RequestInfo | URL, init?: RequestInit) => {
            if (!serverUp) throw new TypeError('Failed to fetch');
            posts.push({ url: String(input), auth: new Headers(init?.headers).get('authorization'), body: JSON.parse(String(init?.body)) });
            return new Response(JSON.stringify({ ok: true }), { status: 201 });
          }) as typeof fetch,
        },
      ],
    });
  });

  it('when a nurse opens a record offline, then the opening is queued and sent with the bearer token once online', async () => {
    const openings = TestBed.inject(RecordOpenings);
    openings.recordOpened('p-mario');
    await openings.flush();
    expect(openings.waiting()).toBe(1);
    expect(posts).toEqual([]);

    serverUp = true;
    expect(await openings.flush()).toBe(true);
    expect(posts).toEqual([
      { url: `${location.origin}/api/audit/record-opened`, auth: 'Bearer token-1', body: { events: [{ patientId: 'p-mario', at: '2025-11-22T09:15:00.000Z' }] } },
    ]);
    expect(openings.waiting()).toBe(0);
  });

  it('when online, then an opening is sent at once', async () => {
    serverUp = true;
    TestBed.inject(Connectivity).reportServerReachable(true);
    TestBed.inject(RecordOpenings).recordOpened('p-mario');
    await new Promise((r) => setTimeout(r));
    expect(posts).toHaveLength(1);
  });

  it('when a patient opens their own record, then nothing is audited', async () => {
    user.set({ ...NURSE, id: 'u-mario', role: 'patient', patientId: 'p-mario' });
    const openings = TestBed.inject(RecordOpenings);
    openings.recordOpened('p-mario');
    expect(openings.waiting()).toBe(0);
  });

  it('when a conflict was merged, then its entry goes to POST /api/conflicts as {entries}', async () => {
    const log = TestBed.inject(ConflictLog);
    const entry = {
      collection: 'visits' as const,
      docId: 'v-1',
      patientId: 'p-mario',
      contested: ['note'],
      overridden: { id: 'v-1', note: 'A' },
      merged: { id: 'v-1', note: 'B' },
      detectedAt: '2025-11-22T09:10:00.000Z',
    };
    await TestBed.inject(DataKeyVault).create(NURSE.id, 'prossima');
    await log.record(entry);
    expect(log.waiting()).toBe(1);
    // Waiting offline, the entry is sealed: none of its clinical text is stored in clear.
    const store = TestBed.inject(LOCAL_STORE);
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((key) => key?.startsWith('prossima.conflicts.'));
    expect(keys).toHaveLength(1);
    expect(store.getItem(keys[0]!)).not.toContain('"note"');
    serverUp = true;
    await log.flush();
    expect(posts.map((p) => [p.url, p.body])).toEqual([[`${location.origin}/api/conflicts`, { entries: [entry] }]]);
    expect(log.waiting()).toBe(0);
  });

  it('when another user signs in on the device, then they do not send the first user’s queue', async () => {
    TestBed.inject(Connectivity).reportServerReachable(false);
    TestBed.inject(RecordOpenings).recordOpened('p-mario');
    user.set({ ...NURSE, id: 'u-bruno' });
    serverUp = true;
    await TestBed.inject(RecordOpenings).flush();
    expect(posts).toEqual([]);
  });
});
