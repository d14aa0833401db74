import { describe, expect, it } from 'vitest';
import { dueReasonLabel, interventionsDueAtVisit, interventionsDueOn, TASK_OUTCOMES, validateTaskOutcome, type TaskRecord } from './careplan-due';
import type { CareplanDoc, CareplanIntervention, InterventionFrequency } from './schemas/careplan';

function plan(interventions: CareplanIntervention[], status: CareplanDoc['status'] = 'active'): Pick<CareplanDoc, 'status' | 'interventions'> {
  return { status, interventions };
}

function intervention(frequency: InterventionFrequency, startDate: string, endDate?: string, id = 'i1'): CareplanIntervention {
  return { id, label: 'Medicazione', frequency, responsibleRole: 'nurse', startDate, ...(endDate ? { endDate } : {}) };
}

/** The dates from `from` to `to` (inclusive) on which the single intervention of `p` is due. */
function dueDates(p: Pick<CareplanDoc, 'status' | 'interventions'>, from: string, to: string, history?: TaskRecord[]): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (interventionsDueOn(p, date, history).length > 0) dates.push(date);
  }
  return dates;
}

describe('interventionsDueOn', () => {
  it('when the frequency is daily, then it is due every day from start to end, both inclusive', () => {
    const p = plan([intervention({ kind: 'daily' }, '2026-01-30', '2026-02-02')]);
    expect(dueDates(p, '2026-01-28', '2026-02-04')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
    expect(interventionsDueOn(p, '2026-01-30')[0]).toMatchObject({ reason: { kind: 'daily' }, timesOnDay: 1 });
  });

  it('when there is no end date, then it stays due indefinitely', () => {
    const p = plan([intervention({ kind: 'daily' }, '2026-01-01')]);
    expect(interventionsDueOn(p, '2030-12-31')).toHaveLength(1);
  });

  it('when the plan is not active, then nothing is due', () => {
    const interventions = [intervention({ kind: 'daily' }, '2026-01-01')];
    expect(interventionsDueOn(plan(interventions, 'draft'), '2026-01-05')).toEqual([]);
    expect(interventionsDueOn(plan(interventions, 'closed'), '2026-01-05')).toEqual([]);
    expect(interventionsDueOn(plan(interventions, 'active'), '2026-01-05')).toHaveLength(1);
  });

  it('when the frequency is every n days, then it is due when the days since the start divide by n, across a month end', () => {
    const p = plan([intervention({ kind: 'every-n-days', everyDays: 3 }, '2026-01-30')]);
    expect(dueDates(p, '2026-01-29', '2026-02-08')).toEqual(['2026-01-30', '2026-02-02', '2026-02-05', '2026-02-08']);
    expect(interventionsDueOn(p, '2026-02-05')[0].reason).toEqual({ kind: 'every-n-days', everyDays: 3, daysSinceStart: 6 });
  });

  it('when every n days crosses a year end, then the count carries on', () => {
    const p = plan([intervention({ kind: 'every-n-days', everyDays: 2 }, '2025-12-30')]);
    expect(dueDates(p, '2025-12-29', '2026-01-04')).toEqual(['2025-12-30', '2026-01-01', '2026-01-03']);
  });

  it('when every n days crosses February, then a leap day counts as a day', () => {
    const leap = plan([intervention({ kind: 'every-n-days', everyDays: 2 }, '2028-02-27')]);
    expect(dueDates(leap, '2028-02-27', '2028-03-03')).toEqual(['2028-02-27', '2028-02-29', '2028-03-02']);
    const common = plan([intervention({ kind: 'every-n-days', everyDays: 2 }, '2026-02-27')]);
    expect(dueDates(common, '2026-02-27', '2026-03-03')).toEqual(['2026-02-27', '2026-03-01', '2026-03-03']);
  });

  it('when the clocks change (29 March and 25 October 2026), then no day is lost or doubled', () => {
    const spring = plan([intervention({ kind: 'every-n-days', everyDays: 2 }, '2026-03-27')]);
    expect(dueDates(spring, '2026-03-27', '2026-04-02')).toEqual(['2026-03-27', '2026-03-29', '2026-03-31', '2026-04-02']);
    const autumn = plan([intervention({ kind: 'every-n-days', everyDays: 7 }, '2026-10-18')]);
    expect(dueDates(autumn, '2026-10-18', '2026-11-01')).toEqual(['2026-10-18', '2026-10-25', '2026-11-01']);
    const sundays = plan([intervention({ kind: 'weekdays', weekdays: [7] }, '2026-03-01')]);
    expect(dueDates(sundays, '2026-03-28', '2026-03-30')).toEqual(['2026-03-29']);
    expect(dueDates(sundays, '2026-10-24', '2026-10-26')).toEqual(['2026-10-25']);
    const daily = plan([intervention({ kind: 'daily' }, '2026-03-28', '2026-03-30')]);
    expect(dueDates(daily, '2026-03-27', '2026-03-31')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  it('when the frequency lists weekdays, then it is due on those ISO weekdays (1 = Monday)', () => {
    const p = plan([intervention({ kind: 'weekdays', weekdays: [1, 3, 5] }, '2026-05-01')]);
    // 2026-05-04 is a Monday.
    expect(dueDates(p, '2026-05-04', '2026-05-10')).toEqual(['2026-05-04', '2026-05-06', '2026-05-08']);
    expect(interventionsDueOn(p, '2026-05-06')[0].reason).toEqual({ kind: 'weekdays', weekday: 3 });
  });

  it('when weekdays meet the start and end dates, then the dates win', () => {
    const p = plan([intervention({ kind: 'weekdays', weekdays: [1, 3, 5] }, '2026-05-06', '2026-05-11')]);
    expect(dueDates(p, '2026-05-01', '2026-05-20')).toEqual(['2026-05-06', '2026-05-08', '2026-05-11']);
  });

  it('when weekly without history, then the n days are spread evenly from the start weekday', () => {
    // 2026-05-06 is a Wednesday.
    const once = plan([intervention({ kind: 'weekly', timesPerWeek: 1 }, '2026-05-06')]);
    expect(dueDates(once, '2026-05-04', '2026-05-24')).toEqual(['2026-05-06', '2026-05-13', '2026-05-20']);
    const twice = plan([intervention({ kind: 'weekly', timesPerWeek: 2 }, '2026-05-06')]);
    expect(dueDates(twice, '2026-05-06', '2026-05-19')).toEqual(['2026-05-06', '2026-05-09', '2026-05-13', '2026-05-16']);
    const thrice = plan([intervention({ kind: 'weekly', timesPerWeek: 3 }, '2026-05-06')]);
    expect(dueDates(thrice, '2026-05-06', '2026-05-12')).toEqual(['2026-05-06', '2026-05-08', '2026-05-10']);
    expect(interventionsDueOn(thrice, '2026-05-10')[0].reason).toEqual({ kind: 'weekly-pattern', timesPerWeek: 3, weekday: 7 });
  });

  it('when weekly n times, then every full ISO week holds exactly n due days', () => {
    for (let n = 1; n <= 7; n++) {
      const p = plan([intervention({ kind: 'weekly', timesPerWeek: n }, '2026-05-07')]);
      expect(dueDates(p, '2026-05-11', '2026-05-17')).toHaveLength(n);
      expect(dueDates(p, '2026-12-28', '2027-01-03')).toHaveLength(n);
    }
  });

  it('when weekly more than 7 times, then some days are due twice', () => {
    const p = plan([intervention({ kind: 'weekly', timesPerWeek: 14 }, '2026-05-04')]);
    expect(interventionsDueOn(p, '2026-05-05')[0].timesOnDay).toBe(2);
    const ten = plan([intervention({ kind: 'weekly', timesPerWeek: 10 }, '2026-05-04')]);
    let total = 0;
    for (let d = 4; d <= 10; d++) total += interventionsDueOn(ten, `2026-05-${String(d).padStart(2, '0')}`)[0].timesOnDay;
    expect(total).toBe(10);
  });

  it('when weekly with history, then it is due until n tasks are recorded earlier in the ISO week', () => {
    const p = plan([intervention({ kind: 'weekly', timesPerWeek: 2 }, '2026-05-01')]);
    const history: TaskRecord[] = [
      { interventionId: 'i1', date: '2026-05-03', outcome: 'done' }, // Sunday: the previous ISO week
      { interventionId: 'i1', date: '2026-05-04', outcome: 'done' }, // Monday
      { interventionId: 'i1', date: '2026-05-05', outcome: 'not-done' },
      { interventionId: 'i2', date: '2026-05-05', outcome: 'done' }, // another intervention
    ];
    expect(interventionsDueOn(p, '2026-05-04', history)[0].reason).toEqual({ kind: 'weekly-remaining', timesPerWeek: 2, doneThisWeek: 0 });
    expect(interventionsDueOn(p, '2026-05-06', history)[0].reason).toEqual({ kind: 'weekly-remaining', timesPerWeek: 2, doneThisWeek: 1 });
    const more = [...history, { interventionId: 'i1', date: '2026-05-06', outcome: 'partial' as const }];
    // Recorded on the day itself: still listed that day, gone the day after.
    expect(interventionsDueOn(p, '2026-05-06', more)).toHaveLength(1);
    expect(interventionsDueOn(p, '2026-05-07', more)).toEqual([]);
    // A new ISO week starts from zero.
    expect(interventionsDueOn(p, '2026-05-11', more)[0].reason).toMatchObject({ doneThisWeek: 0 });
  });

  it('when history is given, then other frequencies ignore it', () => {
    const p = plan([intervention({ kind: 'daily' }, '2026-05-01')]);
    expect(interventionsDueOn(p, '2026-05-06', [{ interventionId: 'i1', date: '2026-05-05' }])).toHaveLength(1);
  });

  it('when several interventions are due, then they come in plan order', () => {
    const p = plan([
      intervention({ kind: 'daily' }, '2026-05-01', undefined, 'a'),
      intervention({ kind: 'weekdays', weekdays: [2] }, '2026-05-01', undefined, 'b'),
      intervention({ kind: 'every-n-days', everyDays: 2 }, '2026-05-01', undefined, 'c'),
    ]);
    expect(interventionsDueOn(p, '2026-05-05').map((d) => d.intervention.id)).toEqual(['a', 'b', 'c']);
    expect(interventionsDueOn(p, '2026-05-06').map((d) => d.intervention.id)).toEqual(['a']);
  });

  it('when the date is not a real calendar date, then a RangeError says so', () => {
    const p = plan([intervention({ kind: 'daily' }, '2026-01-01')]);
    expect(() => interventionsDueOn(p, '2026-02-30')).toThrow(RangeError);
    expect(() => interventionsDueOn(p, '2026-2-3')).toThrow(/YYYY-MM-DD/);
    expect(() => interventionsDueOn(plan([intervention({ kind: 'daily' }, '2026-13-01')]), '2026-05-01')).toThrow(/startDate/);
  });

  it('when a reason is shown, then it reads in Italian and English', () => {
    expect(dueReasonLabel({ kind: 'weekdays', weekday: 1 })).toEqual({ it: 'Ogni lunedì', en: 'Every Monday' });
    expect(dueReasonLabel({ kind: 'weekly-remaining', timesPerWeek: 3, doneThisWeek: 1 }).en).toBe('3 times a week, 1 done so far');
  });
});

describe('validateTaskOutcome', () => {
  it('when a task is done, then no reason is needed', () => {
    expect(TASK_OUTCOMES).toEqual(['done', 'not-done', 'partial']);
    expect(validateTaskOutcome({ interventionId: 'i1', outcome: 'done' })).toEqual([]);
  });

  it('when a task is not done or partly done, then a reason is required', () => {
    expect(validateTaskOutcome({ interventionId: 'i1', outcome: 'not-done' })).toEqual([expect.objectContaining({ field: 'reason', code: 'required' })]);
    expect(validateTaskOutcome({ interventionId: 'i1', outcome: 'partial', reason: '   ' })).toEqual([expect.objectContaining({ field: 'reason', code: 'required' })]);
    expect(validateTaskOutcome({ interventionId: 'i1', outcome: 'not-done', reason: 'Paziente ricoverato' })).toEqual([]);
  });

  it('when fields are missing, unknown or too long, then each problem names its field', () => {
    const problems = validateTaskOutcome({ interventionId: '', outcome: 'skipped', note: 'x'.repeat(1001) });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['interventionId', 'required'],
      ['outcome', 'invalid'],
      ['note', 'too-long'],
    ]);
    expect(validateTaskOutcome({ interventionId: 'Bad Id', outcome: undefined }).map((p) => [p.field, p.code])).toEqual([
      ['interventionId', 'invalid'],
      ['outcome', 'required'],
    ]);
    expect(validateTaskOutcome({ interventionId: 'i1', outcome: 'partial', reason: 'x'.repeat(501) })[0]).toMatchObject({ field: 'reason', code: 'too-long' });
    expect(validateTaskOutcome({ interventionId: 'i1', outcome: 'done', reason: 42 })[0]).toMatchObject({ field: 'reason', code: 'invalid' });
  });
});

describe('interventionsDueAtVisit', () => {
  const plan = {
    status: 'active' as const,
    interventions: [
      { id: 'dressing', label: 'Medicazione', frequency: { kind: 'daily' as const }, responsibleRole: 'nurse', startDate: '2026-01-01' },
      { id: 'hygiene', label: 'Igiene', frequency: { kind: 'daily' as const }, responsibleRole: 'caregiver', startDate: '2026-01-01' },
      { id: 'physio', label: 'Fisioterapia', frequency: { kind: 'daily' as const }, responsibleRole: 'physiotherapist', startDate: '2026-01-01' },
    ],
  };

  it('when several roles have interventions due, then the nurse’s visit lists only the nurse’s', () => {
    expect(interventionsDueAtVisit(plan, '2026-01-05').map((d) => d.intervention.id)).toEqual(['dressing']);
    expect(interventionsDueAtVisit(plan, '2026-01-05', ['physiotherapist']).map((d) => d.intervention.id)).toEqual(['physio']);
  });

  it('when there is no plan or the date is broken, then nothing is due (the visit page keeps working)', () => {
    expect(interventionsDueAtVisit(null, '2026-01-05')).toEqual([]);
    expect(interventionsDueAtVisit(plan, '2026-02-30')).toEqual([]);
  });
});
