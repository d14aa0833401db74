import { SseEvent, SseParser } from './sse-parser';

const STREAM =
  '\uFEFF: connected\r\n' +
  'event: ready\r\n' +
  'data: {"collections":["patients","visits"]}\r\n' +
  '\r\n' +
  ': heartbeat\n' +
  '\n' +
  'event: change\n' +
  'data: {"collection":"visits"}\n' +
  '\n' +
  'event:change\r' +
  'data:{"collection":"patients"}\r' +
  '\r' +
  'data: first line\n' +
  'data: è second line\n' +
  'id: 42\n' +
  '\n';

const EXPECTED: SseEvent[] = [
  { type: 'ready', data: '{"collections":["patients","visits"]}', lastEventId: '' },
  { type: 'change', data: '{"collection":"visits"}', lastEventId: '' },
  { type: 'change', data: '{"collection":"patients"}', lastEventId: '' },
  { type: 'message', data: 'first line\nè second line', lastEventId: '42' },
];

function parseInChunks(chunks: string[]): SseEvent[] {
  const parser = new SseParser();
  return chunks.flatMap((c) => parser.push(c));
}

describe('SseParser', () => {
  it('when the stream arrives in one chunk, then every event is dispatched with its type and data', () => {
    expect(parseInChunks([STREAM])).toEqual(EXPECTED);
  });

  it('when the stream is split at every possible point into two chunks, then the events are the same', () => {
    for (let i = 0; i <= STREAM.length; i++) {
      expect(parseInChunks([STREAM.slice(0, i), STREAM.slice(i)]), `split at ${i}`).toEqual(EXPECTED);
    }
  });

  it('when the stream arrives one character at a time, then the events are the same', () => {
    expect(parseInChunks([...STREAM])).toEqual(EXPECTED);
  });

  it('when a CR line end is split from its LF, then no empty line is seen in between', () => {
    // "data: a\r" + "\ndata: b\r\n\r\n": one event with two data lines, not two events.
    expect(parseInChunks(['data: a\r', '\ndata: b\r\n\r\n'])).toEqual([{ type: 'message', data: 'a\nb', lastEventId: '' }]);
  });

  it('when only comments and heartbeats arrive, then nothing is dispatched', () => {
    expect(parseInChunks([': hb\n\n', ':\n\n', 'event: change\n\n'])).toEqual([]);
  });

  it('when the stream ends in the middle of an event, then that event is not dispatched', () => {
    expect(parseInChunks(['event: change\ndata: {"collection":"visits"}\n'])).toEqual([]);
  });

  it('when a field has no colon, then its value is empty', () => {
    expect(parseInChunks(['data\n\n'])).toEqual([{ type: 'message', data: '', lastEventId: '' }]);
  });
});
