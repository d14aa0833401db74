import { describe, expect, it } from 'vitest';
import { BARTHEL, BARTHEL_SHAH } from './barthel';
import { SPMSQ } from './cognition-mood';
import { SvamaProfileError } from './instrument-errors';
import { EXTON_SMITH } from './pressure-risk';
import { runningScore, scoreInstrument } from './scoring';
import {
  DEFAULT_SVAMA_CONFIG,
  deriveSvamaProfile,
  svamaConfigProblems,
  svamaProfileKey,
  svamaSubscores,
  type SvamaConfig,
  type SvamaProfileEntry,
} from './svama';
import { answersAt } from './testing/answers';

const QUESTIONS = SPMSQ.items.filter((item) => item.id !== 'education').map((item) => item.id);
const spmsq = (errors: number, education = 'high-school') =>
  scoreInstrument('spmsq', { education, ...Object.fromEntries(QUESTIONS.map((id, i) => [id, i < errors ? 'error' : 'correct'])) });

/** A Barthel score with the given ADL and mobility points (multiples of 5 the items can reach). */
function barthel(adl: number, mobility: number) {
  const answers = answersAt(BARTHEL, 'min');
  let rest = adl;
  for (const id of ['feeding', 'dressing', 'bowels', 'bladder', 'toilet', 'bathing', 'grooming']) {
    const max = id === 'bathing' || id === 'grooming' ? 5 : 10;
    const take = Math.min(max, rest);
    answers[id] = String(take);
    rest -= take;
  }
  rest = mobility;
  for (const id of ['transfers', 'mobility', 'stairs']) {
    const take = Math.min(id === 'stairs' ? 10 : 15, rest);
    answers[id] = String(take);
    rest -= take;
  }
  return scoreInstrument('barthel', answers);
}

describe('SVAMA nurse\'s part, default (placeholder) configuration', () => {
  it('when the patient is lucid and independent, then every sub-score is at its best (0, VPIA 5) and the profile is lucid / moves alone / autonomous', () => {
    const exton = scoreInstrument('exton-smith', answersAt(EXTON_SMITH, 'max'));
    const result = deriveSvamaProfile([spmsq(1), barthel(60, 40), exton]);
    expect(result).toEqual({
      configId: 'svama-placeholder',
      subscores: { vcog: 1, vadl: 0, vmob: 0, vpia: 5 },
      axes: { cognition: 'lucid', mobility: 'moves-alone', function: 'autonomous' },
      profile: {
        code: 'lucid|moves-alone|autonomous',
        label: { it: 'Lucido, si sposta da solo, autonomo', en: 'Lucid, moves alone, autonomous' },
      },
    });
  });

  it('when the Barthel points fall, then VADL and VMOB rise (higher is worse on the form)', () => {
    const result = deriveSvamaProfile([spmsq(6), barthel(20, 5)]);
    expect(result.subscores).toEqual({ vcog: 6, vadl: 40, vmob: 35 });
    expect(result.axes).toEqual({ cognition: 'confused', mobility: 'does-not-move', function: 'dependent' });
  });

  it('when a bedridden patient scores 5 on Exton-Smith, then VPIA is 20', () => {
    const exton = scoreInstrument('exton-smith', answersAt(EXTON_SMITH, 'min'));
    expect(svamaSubscores([exton])).toEqual({ vpia: 20 });
  });

  it('when the source is Barthel-Shah for a wheelchair user, then VMOB reads transfers + wheelchair + stairs', () => {
    const shah = scoreInstrument('barthel-shah', answersAt(BARTHEL_SHAH, 'max', { ambulation: '0', wheelchair: '5' }));
    const result = deriveSvamaProfile([spmsq(9), shah]);
    expect(result.subscores).toMatchObject({ vcog: 9, vadl: 0, vmob: 10 });
    expect(result.axes.cognition).toBe('very-confused');
  });

  it('when the default configuration is checked, then it is complete and flagged as not from a primary source', () => {
    expect(svamaConfigProblems(DEFAULT_SVAMA_CONFIG)).toEqual([]);
    expect(Object.keys(DEFAULT_SVAMA_CONFIG.profiles)).toHaveLength(27);
    expect(DEFAULT_SVAMA_CONFIG.unconfirmed).toBe(true);
  });
});

describe('SVAMA with a custom configuration', () => {
  /** A regional table: Pfeiffer's adjusted errors, other cut-offs, and a matrix of numbered profiles. */
  function regionalConfig(): SvamaConfig {
    const profiles: Record<string, SvamaProfileEntry> = {};
    let n = 0;
    for (const c of ['lucid', 'confused', 'very-confused'] as const) {
      for (const m of ['moves-alone', 'assisted', 'does-not-move'] as const) {
        for (const f of ['autonomous', 'dependent', 'totally-dependent'] as const) {
          // Very confused patients share one profile per mobility class, as a coarser matrix would.
          const code = c === 'very-confused' ? `VC-${m}` : String(++n);
          profiles[svamaProfileKey({ cognition: c, mobility: m, function: f })] = { code, label: { it: `Profilo ${code}`, en: `Profile ${code}` } };
        }
      }
    }
    return {
      id: 'region-test-2024',
      subscores: { ...DEFAULT_SVAMA_CONFIG.subscores, vcog: { ...DEFAULT_SVAMA_CONFIG.subscores.vcog!, take: { extra: 'adjustedErrors' } } },
      axes: {
        cognition: {
          subscore: 'vcog',
          classes: [
            { min: 0, max: 2, level: 'lucid', label: { it: 'Lucido', en: 'Lucid' } },
            { min: 3, max: 6, level: 'confused', label: { it: 'Confuso', en: 'Confused' } },
            { min: 7, max: 10, level: 'very-confused', label: { it: 'Molto confuso', en: 'Very confused' } },
          ],
        },
        mobility: {
          subscore: 'vmob',
          classes: [
            { min: 0, max: 9, level: 'moves-alone', label: { it: 'Da solo', en: 'Alone' } },
            { min: 10, max: 30, level: 'assisted', label: { it: 'Assistito', en: 'Assisted' } },
            { min: 31, max: 40, level: 'does-not-move', label: { it: 'Non si sposta', en: 'Does not move' } },
          ],
        },
        function: DEFAULT_SVAMA_CONFIG.axes.function,
      },
      profiles,
    };
  }

  it('when the configuration reads adjusted errors and other cut-offs, then the same patient lands elsewhere', () => {
    const inputs = [spmsq(3, 'beyond-high-school'), barthel(50, 30)];
    expect(deriveSvamaProfile(inputs).axes).toEqual({ cognition: 'lucid', mobility: 'moves-alone', function: 'autonomous' });
    const result = deriveSvamaProfile(inputs, regionalConfig());
    expect(result).toMatchObject({
      configId: 'region-test-2024',
      subscores: { vcog: 4, vadl: 10, vmob: 10 },
      axes: { cognition: 'confused', mobility: 'assisted', function: 'autonomous' },
      profile: { code: '13' },
    });
  });

  it('when the matrix maps several combinations to one profile, then they share it', () => {
    const a = deriveSvamaProfile([spmsq(9), barthel(60, 0)], regionalConfig());
    const b = deriveSvamaProfile([spmsq(10), barthel(0, 0)], regionalConfig());
    expect(a.profile.code).toBe('VC-does-not-move');
    expect(b.profile.code).toBe('VC-does-not-move');
  });

  it('when the matrix lacks the combination, then a SvamaProfileError names it and the check lists it', () => {
    const config = regionalConfig();
    const key = 'lucid|moves-alone|autonomous';
    const { [key]: _dropped, ...rest } = config.profiles;
    const gappy = { ...config, profiles: rest };
    expect(() => deriveSvamaProfile([spmsq(0), barthel(60, 40)], gappy)).toThrowError(expect.objectContaining({ code: 'no-profile', subject: key }));
    expect(svamaConfigProblems(gappy)).toEqual([`No profile for ${key}`]);
  });

  it('when a sub-score falls in no class, then the derivation refuses', () => {
    const config = regionalConfig();
    const narrow = { ...config, axes: { ...config.axes, function: { subscore: 'vadl' as const, classes: config.axes.function.classes.slice(0, 2) } } };
    expect(() => deriveSvamaProfile([spmsq(0), barthel(0, 0)], narrow)).toThrowError(expect.objectContaining({ code: 'no-class', subject: 'function' }));
  });
});

describe('SVAMA inputs', () => {
  it('when no SPMSQ is given, then VCOG is missing and the error says which axis needs it', () => {
    const call = () => deriveSvamaProfile([barthel(60, 40)]);
    expect(call).toThrowError(SvamaProfileError);
    expect(call).toThrowError(expect.objectContaining({ code: 'missing-input', subject: 'vcog' }));
  });

  it('when the Barthel score is still incomplete, then it is not used', () => {
    const partial = runningScore('barthel', { feeding: '10' });
    expect(() => deriveSvamaProfile([spmsq(0), partial])).toThrowError(expect.objectContaining({ code: 'incomplete-input', subject: 'vadl' }));
  });

  it('when a stored Barthel without sub-scores is given, then the missing value is reported', () => {
    expect(() => deriveSvamaProfile([spmsq(0), { instrumentId: 'barthel', total: 100 }])).toThrowError(
      expect.objectContaining({ code: 'missing-value', subject: 'vadl' }),
    );
  });
});
