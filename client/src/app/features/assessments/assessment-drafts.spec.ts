import { TestBed } from '@angular/core/testing';
import { FakeClock, NURSE, provideClock } from '../../../testing/test-helpers';
import { DataKeyVault } from '../../core/auth/data-key-vault';
import { LOCAL_STORE, MemoryStore, SESSION_STORE } from '../../core/storage';
import { AssessmentDrafts, DraftKey } from './assessment-drafts';
import { unlockedDevice } from './assessment-test-data';

const KEY: DraftKey = { userId: NURSE.id, patientId: 'p-mario', instrumentId: 'barthel', visitId: 'v-1' };

describe('AssessmentDrafts', () => {
  let local: MemoryStore;
  let tab: MemoryStore;
  let clock: FakeClock;

  /** A fresh app instance on the same device (a reload): new services, same storage. */
  function boot(): AssessmentDrafts {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [{ provide: LOCAL_STORE, useValue: local }, { provide: SESSION_STORE, useValue: tab }, provideClock(clock)],
    });
    return TestBed.inject(AssessmentDrafts);
  }

  /** The draft entries on the device. */
  function entries(): [string, string][] {
    return Array.from({ length: local.length }, (_, i) => local.key(i)!)
      .filter((k) => k.startsWith('prossima.assessmentDraft-'))
      .map((k) => [k, local.getItem(k)!]);
  }

  beforeEach(async () => {
    ({ local, tab } = await unlockedDevice(NURSE));
    clock = new FakeClock(new Date('2025-11-22T09:30:00.000Z'));
  });

  it('when a draft is saved and the app reloads, then the same answers and time come back', async () => {
    const saved = await boot().save(KEY, { feeding: '10', bathing: '0' });
    expect(saved.savedAt).toBe('2025-11-22T09:30:00.000Z');
    await expect(boot().load(KEY)).resolves.toEqual({ answers: { feeding: '10', bathing: '0' }, savedAt: '2025-11-22T09:30:00.000Z' });
  });

  it('when a draft is stored, then neither the answers nor the patient id are readable on the device, and sign-out finds it as a per-user entry', async () => {
    await boot().save(KEY, { feeding: '10' });
    const [[name, value]] = entries();
    expect(name).toMatch(/^prossima\.assessmentDraft-[0-9a-f]{64}\.u-anna$/);
    expect(value.startsWith('s1.')).toBe(true);
    expect(`${name}${value}`).not.toContain('feeding');
    expect(`${name}${value}`).not.toContain('p-mario');
  });

  it('when drafts of other forms exist, then each form gets only its own (patient, instrument, visit)', async () => {
    const drafts = boot();
    await drafts.save(KEY, { feeding: '10' });
    await drafts.save({ ...KEY, visitId: null }, { feeding: '5' });
    await drafts.save({ ...KEY, instrumentId: 'nrs' }, { intensity: '3' });
    expect(entries()).toHaveLength(3);
    expect((await drafts.load({ ...KEY, visitId: null }))?.answers).toEqual({ feeding: '5' });
    await expect(drafts.load({ ...KEY, patientId: 'p-other' })).resolves.toBeNull();
  });

  it('when answers follow each other quickly, then the last one is what stays', async () => {
    const drafts = boot();
    await Promise.all([drafts.save(KEY, { feeding: '0' }), drafts.save(KEY, { feeding: '5' }), drafts.save(KEY, { feeding: '10' })]);
    expect((await drafts.load(KEY))?.answers).toEqual({ feeding: '10' });
  });

  it('when the draft is discarded while a save is still sealing, then nothing is left behind', async () => {
    const drafts = boot();
    const pending = drafts.save(KEY, { feeding: '10' });
    await drafts.discard(KEY);
    await pending;
    expect(entries()).toEqual([]);
    await expect(drafts.load(KEY)).resolves.toBeNull();
  });

  it('when a sealed draft was copied under another form, then it is not restored there', async () => {
    const drafts = boot();
    await drafts.save(KEY, { feeding: '10' });
    await drafts.save({ ...KEY, patientId: 'p-other' }, { feeding: '0' });
    const [first, second] = entries();
    local.setItem(second[0], first[1]);
    local.setItem(first[0], second[1]);
    await expect(drafts.load(KEY)).resolves.toBeNull();
  });

  it('when the draft was sealed with a key this user no longer has, then it is dropped', async () => {
    await boot().save(KEY, { feeding: '10' });
    const sealed = entries()[0];
    // Signed in again on the same device with a new data key.
    ({ local, tab } = await unlockedDevice(NURSE));
    tab.setItem(`prossima.dataKey.${NURSE.id}`, 'A'.repeat(43));
    local.setItem(sealed[0], sealed[1]);
    await expect(boot().load(KEY)).resolves.toBeNull();
    expect(entries()).toEqual([]);
  });

  it('when the data key is locked, then saving fails loudly instead of writing in clear', async () => {
    const drafts = boot();
    TestBed.inject(DataKeyVault).lock();
    await expect(drafts.save(KEY, { feeding: '10' })).rejects.toThrow();
    expect(entries()).toEqual([]);
  });
});
