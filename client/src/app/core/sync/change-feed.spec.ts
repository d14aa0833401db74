import { BehaviorSubject } from 'rxjs';
import { FakeTimers, settle } from '../../../testing/fake-timers';
import { changeFeed, FeedEvent } from './change-feed';
import { RetryGate } from './retry-gate';

/** A server-side stream the test writes to, chunk by chunk. */
class ScriptedStream {
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  readonly body = new ReadableStream<Uint8Array>({ start: (c) => (this.controller = c) });
  write(text: string): void {
    this.controller.enqueue(new TextEncoder().encode(text));
  }
  end(): void {
    this.controller.close();
  }
}

describe('changeFeed', () => {
  let timers: FakeTimers;
  let online: BehaviorSubject<boolean>;
  let streams: ScriptedStream[];
  let requests: { url: string; auth: string | null; signal: AbortSignal }[];
  let failNext: Error | null;

  beforeEach(() => {
    timers = new FakeTimers();
    online = new BehaviorSubject(true);
    streams = [];
    requests = [];
    failNext = null;
  });

  function feed() {
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push({ url: String(input), auth: new Headers(init?.headers).get('accept'), signal: init!.signal! });
      if (failNext) {
        const err = failNext;
        failNext = null;
        throw err;
      }
      const stream = new ScriptedStream();
      streams.push(stream);
      return new Response(stream.body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    }) as typeof globalThis.fetch;
    return changeFeed({ url: 'https://x/sync/_events', fetch, online$: online, gate: new RetryGate(timers), now: timers.now });
  }

  it('when events arrive split across chunks, then each is emitted once, in order, and heartbeats are ignored', async () => {
    const events: FeedEvent[] = [];
    const sub = feed().subscribe((e) => events.push(e));
    await settle();
    expect(requests.map((r) => [r.url, r.auth])).toEqual([['https://x/sync/_events', 'text/event-stream']]);
    streams[0].write('event: ready\ndata: {"collections":["patients",');
    streams[0].write('"visits"]}\n\n: heartbeat\n\nevent: chan');
    streams[0].write('ge\ndata: {"collection":"visits"}\r\n\r\nevent: access\ndata: {}\n\n');
    await settle();
    expect(events).toEqual([
      { type: 'ready', collections: ['patients', 'visits'] },
      { type: 'change', collection: 'visits' },
      { type: 'access' },
    ]);
    sub.unsubscribe();
  });

  it('when the server ends the stream, then it reconnects after the back-off and says ready again', async () => {
    const events: FeedEvent[] = [];
    const sub = feed().subscribe((e) => events.push(e));
    await settle();
    streams[0].write('event: ready\ndata: {"collections":["visits"]}\n\n');
    streams[0].end();
    await settle();
    expect(requests).toHaveLength(1);
    await timers.advance(749);
    expect(requests).toHaveLength(1);
    await timers.advance(1);
    expect(requests).toHaveLength(2);
    streams[1].write('event: ready\ndata: {"collections":["visits"]}\n\n');
    await settle();
    expect(events.filter((e) => e.type === 'ready')).toHaveLength(2);
    sub.unsubscribe();
  });

  it('when connecting keeps failing, then the attempts spread out: 1 s, 2 s, 4 s (middle of the jitter)', async () => {
    const sub = feed().subscribe();
    await settle();
    const at: number[] = [timers.time];
    streams[0].end();
    await settle();
    for (let i = 0; i < 3; i++) {
      failNext = i < 2 ? new TypeError('Failed to fetch') : null;
      const before = requests.length;
      while (requests.length === before) await timers.advance(50);
      at.push(timers.time);
    }
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    expect(gaps).toEqual([750, 1_500, 3_000]);
    sub.unsubscribe();
  });

  it('when the browser goes offline, then the connection is closed, and it reopens when the network is back', async () => {
    const sub = feed().subscribe();
    await settle();
    expect(requests[0].signal.aborted).toBe(false);
    online.next(false);
    await settle();
    expect(requests[0].signal.aborted).toBe(true);
    online.next(true);
    await settle();
    expect(requests).toHaveLength(2);
    sub.unsubscribe();
  });

  it('when the last subscriber leaves (stop, sign-out), then the connection is closed and not reopened', async () => {
    const stream = feed();
    const a = stream.subscribe();
    const b = stream.subscribe();
    await settle();
    expect(requests).toHaveLength(1);
    a.unsubscribe();
    expect(requests[0].signal.aborted).toBe(false);
    b.unsubscribe();
    expect(requests[0].signal.aborted).toBe(true);
    await timers.advance(120_000);
    expect(requests).toHaveLength(1);
  });

  it('when the server closes the stream because the session was revoked, then the subscribers learn it and no reconnection follows', async () => {
    const events: FeedEvent[] = [];
    let completed = false;
    feed().subscribe({ next: (e) => events.push(e), complete: () => (completed = true) });
    await settle();
    streams[0].write('event: closed\ndata: {"error":"session_revoked","reason":"device revoked"}\n\n');
    streams[0].end();
    await settle();
    expect(events).toEqual([{ type: 'closed', error: 'session_revoked', reason: 'device revoked' }]);
    await timers.advance(120_000);
    expect(requests).toHaveLength(1);
    expect(completed).toBe(false); // the network watch goes on; the sync stops on the event
  });
});
