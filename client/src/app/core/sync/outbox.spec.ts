import { AppError } from '../errors/app-errors';
import { MemoryStore } from '../storage';
import { Outbox } from './outbox';

describe('Outbox', () => {
  let store: MemoryStore;
  let sent: string[][];
  let answer: (items: string[]) => Promise<void>;
  let outbox: Outbox<string>;
  let ids: number;

  beforeEach(() => {
    store = new MemoryStore();
    sent = [];
    answer = async () => undefined;
    ids = 0;
    outbox = new Outbox<string>({
      store,
      key: 'prossima.conflicts.u-anna',
      maxBatch: 2,
      send: (items) => {
        sent.push(items);
        return answer(items);
      },
      now: () => new Date('2025-11-22T09:00:00.000Z'),
      newId: () => `q${++ids}`,
    });
  });

  it('when offline, then the items stay queued in storage across a reload', async () => {
    answer = async () => {
      throw new TypeError('Failed to fetch');
    };
    outbox.add('a');
    outbox.add('b');
    await expect(outbox.flush()).rejects.toBeInstanceOf(TypeError);
    expect(outbox.size()).toBe(2);
    expect(store.getItem('prossima.conflicts.u-anna')).toContain('"a"');
  });

  it('when the server answers 2xx, then the items are sent in batches and removed only then', async () => {
    for (const item of ['a', 'b', 'c']) outbox.add(item);
    await outbox.flush();
    expect(sent).toEqual([['a', 'b'], ['c']]);
    expect(outbox.size()).toBe(0);
    expect(store.getItem('prossima.conflicts.u-anna')).toBeNull();
  });

  it('when the server fails with a 503, then nothing is removed', async () => {
    outbox.add('a');
    answer = async () => {
      throw new AppError('server-unavailable', 'store down', 503);
    };
    await expect(outbox.flush()).rejects.toMatchObject({ status: 503 });
    expect(outbox.size()).toBe(1);
  });

  it('when the server refuses a batch for one bad item, then the others are sent and the bad one is kept aside with the reason', async () => {
    for (const item of ['a', 'bad', 'c']) outbox.add(item);
    answer = async (items) => {
      if (items.includes('bad')) throw new AppError('invalid-request', 'entries.0.detectedAt is in the future', 400);
    };
    await outbox.flush();
    expect(sent).toEqual([['a', 'bad'], ['a'], ['bad'], ['c']]);
    expect(outbox.size()).toBe(0);
    expect(outbox.refused()).toEqual([{ item: 'bad', reason: 'entries.0.detectedAt is in the future', at: '2025-11-22T09:00:00.000Z' }]);
  });

  it('when an item is added while a flush runs, then it is sent by that flush too', async () => {
    outbox.add('a');
    let release!: () => void;
    answer = () => new Promise<void>((r) => (release = r));
    const flushing = outbox.flush();
    outbox.add('b');
    await Promise.resolve();
    answer = async () => undefined;
    release();
    await flushing;
    expect(sent.flat()).toEqual(['a', 'b']);
    expect(outbox.size()).toBe(0);
  });
});
