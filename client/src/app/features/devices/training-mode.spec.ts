import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MemoryStore, SESSION_STORE } from '../../core/storage';
import { TRAINING_MODE_KEY, TrainingMode } from './training-mode';

describe('TrainingMode', () => {
  function setUp(search: string, store = new MemoryStore()) {
    TestBed.configureTestingModule({
      providers: [
        { provide: SESSION_STORE, useValue: store },
        { provide: DOCUMENT, useValue: { defaultView: { location: { search } } } },
      ],
    });
    return { mode: TestBed.inject(TrainingMode), store };
  }

  it('when the address has ?simulatore=1, then the mode is on and remembered for the tab', () => {
    const { mode, store } = setUp('?visita=v-1&simulatore=1');
    expect(mode.enabled()).toBe(true);
    expect(store.getItem(TRAINING_MODE_KEY)).toBe('1');
  });

  it('when the tab remembers it, then it stays on without the parameter; ?simulatore=0 or the toggle turns it off', () => {
    const store = new MemoryStore();
    store.setItem(TRAINING_MODE_KEY, '1');
    const { mode } = setUp('', store);
    expect(mode.enabled()).toBe(true);
    mode.applyQuery('0');
    expect(mode.enabled()).toBe(false);
    expect(store.getItem(TRAINING_MODE_KEY)).toBeNull();
    mode.set(true);
    expect(mode.enabled()).toBe(true);
    mode.applyQuery(undefined);
    expect(mode.enabled()).toBe(true);
  });

  it('when nothing asks for it, then it is off', () => {
    expect(setUp('').mode.enabled()).toBe(false);
  });
});
