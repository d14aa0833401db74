/** One Server-Sent Event as received. */
export interface ReceivedEvent {
  event: string;
  data: Record<string, unknown>;
}

/** An open `text/event-stream` response read with fetch(), as the client reads it. */
export interface EventStream {
  status: number;
  headers: Headers;
  /** The JSON error body when the stream was refused (status ≠ 200). */
  error: { error: string; reason: string } | null;
  events: ReceivedEvent[];
  comments: string[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** The first event (already received or still to come) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  /** Events named `event` received so far. */
  named(event: string): ReceivedEvent[];
  /** Hang up, as a closing tab does. */
  close(): void;
}

/** Open `url` with a Bearer token and parse the stream as it arrives. */
export async function openEventStream(url: string, token?: string): Promise<EventStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(url, { headers, signal: abort.signal });
  const events: ReceivedEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((check) => check());

  if (response.status !== 200) {
    const error = (await response.json()) as EventStream['error'];
    return { status: response.status, headers: response.headers, error, events, comments, ended: Promise.resolve(), waitFor: () => Promise.reject(new Error('stream refused')), named: () => [], close: () => abort.abort() };
  }

  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          parseFrame(buffer.slice(0, end), events, comments);
          buffer = buffer.slice(end + 2);
          notify();
        }
      }
    } catch (error) {
      // Our own hang-up ends the read with an AbortError; anything else is a real failure.
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    }
  })();

  const waitFor: EventStream['waitFor'] = (predicate, timeoutMs = 5_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = events.find(predicate);
        if (!found) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return {
    status: response.status,
    headers: response.headers,
    error: null,
    events,
    comments,
    ended,
    waitFor,
    named: (name) => events.filter((e) => e.event === name),
    close: () => abort.abort(),
  };
}

function parseFrame(frame: string, events: ReceivedEvent[], comments: string[]): void {
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) comments.push(line.slice(1).trim());
    else if (line.startsWith('event: ')) event = line.slice('event: '.length);
    else if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
  }
  if (data.length) events.push({ event, data: JSON.parse(data.join('\n')) as Record<string, unknown> });
}

/** Wait until `condition` holds (polled every 20 ms); rejects after `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
