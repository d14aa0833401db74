import { describe, expect, it } from 'vitest';
import { BARTHEL, BARTHEL_SHAH } from './barthel';
import { InstrumentAnswerError, InstrumentConfigError } from './instrument-errors';
import { KATZ_ADL } from './katz-adl';
import { answersFromList, answersToList, compareWithPrevious, runningScore, scoreInstrument } from './scoring';
import { answersAt } from './testing/answers';

/** The error a call throws, for reading its fields. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('scoring engine: refusing answers', () => {
  it('when the instrument is unknown, then an InstrumentAnswerError names it', () => {
    const error = thrown(() => scoreInstrument('mmse', {}));
    expect(error).toBeInstanceOf(InstrumentAnswerError);
    expect(error).toMatchObject({ code: 'unknown-instrument', instrumentId: 'mmse', itemId: undefined, message: 'Unknown assessment instrument "mmse"' });
  });

  it('when an item is unknown, then the error carries its id and says so', () => {
    const error = thrown(() => scoreInstrument('barthel', { ...answersAt(BARTHEL, 'max'), walking: '15' }));
    expect(error).toMatchObject({ code: 'unknown-item', itemId: 'walking', message: 'Barthel Index: unknown item "walking"' });
  });

  it('when a value is not an option of the item, then the error names item, value and the allowed values', () => {
    const error = thrown(() => scoreInstrument('barthel', { ...answersAt(BARTHEL, 'max'), feeding: 'independent' }));
    expect(error).toMatchObject({ code: 'unknown-option', itemId: 'feeding' });
    expect((error as Error).message).toBe('Barthel Index: "independent" is not an answer of item "feeding" (expected one of 0, 5, 10)');
  });

  it('when required items are missing, then the error names the first and lists all', () => {
    const { bathing: _b, stairs: _s, ...partial } = answersAt(BARTHEL, 'max');
    const error = thrown(() => scoreInstrument('barthel', partial));
    expect(error).toMatchObject({ code: 'missing-answer', itemId: 'bathing', itemIds: ['bathing', 'stairs'] });
    expect((error as Error).message).toBe('Barthel Index: missing answer to "bathing", "stairs"');
  });

  it('when a form field was cleared (null or empty string), then it counts as not answered', () => {
    const error = thrown(() => scoreInstrument('barthel', { ...answersAt(BARTHEL, 'max'), bathing: null, grooming: '' }));
    expect(error).toMatchObject({ code: 'missing-answer', itemIds: ['bathing', 'grooming'] });
  });
});

describe('scoring engine: running score', () => {
  it('when the nurse has answered three Barthel items, then the partial total shows, the rest is missing and no band is given', () => {
    const result = runningScore('barthel', { feeding: '10', bathing: '5', stairs: '5' });
    expect(result).toEqual({
      instrumentId: 'barthel',
      total: 20,
      band: null,
      convention: 'shah-1989',
      answered: 3,
      missing: ['grooming', 'dressing', 'bowels', 'bladder', 'toilet', 'transfers', 'mobility'],
      subscores: { adl: 15, mobility: 5 },
    });
  });

  it('when the last answer arrives, then the running score equals the final score', () => {
    const answers = answersAt(KATZ_ADL, 'max', { bathing: 'dependent' });
    expect(runningScore('katz-adl', answers)).toEqual(scoreInstrument('katz-adl', answers));
  });

  it('when Katz is half filled, then no grade is guessed yet', () => {
    const result = runningScore('katz-adl', { bathing: 'dependent' });
    expect(result).toMatchObject({ total: 0, band: null, answered: 1 });
    expect(result.extra).toBeUndefined();
  });

  it('when the value is unknown or the item does not exist, then the running score still throws', () => {
    expect(() => runningScore('barthel', { feeding: '7' })).toThrowError(InstrumentAnswerError);
    expect(() => runningScore('barthel', { feet: '5' })).toThrowError(expect.objectContaining({ code: 'unknown-item', itemId: 'feet' }));
  });
});

describe('scoring engine: conventions', () => {
  const answers = answersAt(BARTHEL, 'max', { stairs: '5' });

  it('when no convention is named, then the default is used and stored', () => {
    expect(scoreInstrument('barthel', answers).convention).toBe('shah-1989');
  });

  it('when an unknown convention is named, then an InstrumentConfigError lists the known ones', () => {
    const error = thrown(() => scoreInstrument('barthel', answers, { convention: 'granger-1979' }));
    expect(error).toBeInstanceOf(InstrumentConfigError);
    expect(error).toMatchObject({ code: 'unknown-convention', message: 'Barthel Index has no banding convention "granger-1979" (known: shah-1989)' });
  });

  it('when a custom band set is passed, then its bands and id are used', () => {
    const bands = [
      { min: 0, max: 60, code: 'dependent', label: { it: 'Dipendente', en: 'Dependent' } },
      { min: 61, max: 100, code: 'independent', label: { it: 'Indipendente', en: 'Independent' } },
    ];
    expect(scoreInstrument('barthel', answers, { convention: { id: 'local-2', bands } })).toMatchObject({
      total: 95, band: { code: 'independent' }, convention: 'local-2',
    });
  });

  it('when a custom band set overlaps or leaves the total out, then it is refused', () => {
    const overlapping = [
      { min: 0, max: 60, code: 'a', label: { it: 'a', en: 'a' } },
      { min: 60, max: 100, code: 'b', label: { it: 'b', en: 'b' } },
    ];
    expect(() => scoreInstrument('barthel', answers, { convention: { id: 'x', bands: overlapping } })).toThrowError(
      expect.objectContaining({ code: 'invalid-bands' }),
    );
    const short = [{ min: 0, max: 60, code: 'a', label: { it: 'a', en: 'a' } }];
    expect(() => scoreInstrument('barthel', answers, { convention: { id: 'x', bands: short } })).toThrowError(
      expect.objectContaining({ code: 'no-band' }),
    );
  });
});

describe('scoring engine: stored answers', () => {
  it('when answers are turned into the stored list, then they follow form order and leave out items that do not apply', () => {
    const answers = { transfers: '15', ...answersAt(BARTHEL_SHAH, 'max'), wheelchair: '5' };
    const list = answersToList('barthel-shah', answers);
    expect(list.map((a) => a.itemId)).toEqual(BARTHEL_SHAH.items.map((i) => i.id).filter((id) => id !== 'wheelchair'));
    expect(scoreInstrument('barthel-shah', answersFromList(list)).total).toBe(100);
  });

  it('when a stored list holds numbers, then it reads back into a scorable record', () => {
    const stored = BARTHEL.items.map((item) => ({ itemId: item.id, value: Number(item.options[item.options.length - 1].value) }));
    expect(scoreInstrument('barthel', answersFromList(stored)).total).toBe(100);
  });
});

describe('compareWithPrevious', () => {
  it('when a Barthel total rises, then that is better; when an NRS rating rises, that is worse', () => {
    expect(compareWithPrevious({ instrumentId: 'barthel', total: 65 }, { instrumentId: 'barthel', total: 60 })).toEqual({
      instrumentId: 'barthel', change: 5, trend: 'better',
    });
    expect(compareWithPrevious({ instrumentId: 'nrs', total: 6 }, { instrumentId: 'nrs', total: 3 })).toEqual({
      instrumentId: 'nrs', change: 3, trend: 'worse',
    });
  });

  it('when SPMSQ errors fall, then that is better; an equal total is unchanged', () => {
    expect(compareWithPrevious({ instrumentId: 'spmsq', total: 2 }, { instrumentId: 'spmsq', total: 4 }).trend).toBe('better');
    expect(compareWithPrevious({ instrumentId: 'norton', total: 14 }, { instrumentId: 'norton', total: 14 }).trend).toBe('unchanged');
  });

  it('when the previous document used the old id "nrs-pain", then it is the same instrument', () => {
    expect(compareWithPrevious({ instrumentId: 'nrs', total: 2 }, { instrumentId: 'nrs-pain', total: 5 })).toEqual({
      instrumentId: 'nrs', change: -3, trend: 'better',
    });
  });

  it('when the two scores are of different instruments, then the comparison is refused', () => {
    expect(() => compareWithPrevious({ instrumentId: 'barthel', total: 60 }, { instrumentId: 'barthel-shah', total: 60 })).toThrowError(
      expect.objectContaining({ code: 'different-instruments' }),
    );
  });
});
