/** One dispatched Server-Sent Event. */
export interface SseEvent {
  /** The `event:` field, `message` when the event named none. */
  type: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last `id:` seen on the stream ('' if none). */
  lastEventId: string;
}

/**
 * An incremental parser of the `text/event-stream` format (WHATWG HTML,
 * "Server-sent events", §9.2.6), fed with decoded text in chunks that may be
 * split anywhere — inside a field, between the CR and LF of a line end, or
 * between two events:
 *
 * ```
 * : heartbeat                         ← comment, ignored
 * event: change                       ← field "event"
 * data: {"collection":"visits"}       ← field "data" (one leading space dropped)
 *                                     ← empty line: dispatch
 * ```
 *
 * Lines end with CRLF, LF or CR. An event without data is not dispatched, and
 * an event cut off by the end of the stream is dropped, as the standard says.
 */
export class SseParser {
  private buffer = '';
  /** The previous chunk ended with CR: an LF at the start of the next one belongs to it. */
  private skipLeadingLf = false;
  private started = false;
  private type = '';
  private data: string[] = [];
  private lastEventId = '';

  /** Feeds decoded text; returns the events completed by it, in order. */
  push(chunk: string): SseEvent[] {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.skipLeadingLf && text.startsWith('\n')) text = text.slice(1);
    this.skipLeadingLf = false;
    this.buffer += text;

    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer[i];
      if (ch !== '\n' && ch !== '\r') continue;
      const event = this.line(this.buffer.slice(start, i));
      if (event) events.push(event);
      if (ch === '\r') {
        if (i + 1 === this.buffer.length) this.skipLeadingLf = true;
        else if (this.buffer[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.type = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      // `retry:` sets the browser's reconnection delay; our reconnects follow the sync back-off instead.
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    const data = this.data;
    const type = this.type;
    this.data = [];
    this.type = '';
    if (data.length === 0) return null;
    return { type: type || 'message', data: data.join('\n'), lastEventId: this.lastEventId };
  }
}
