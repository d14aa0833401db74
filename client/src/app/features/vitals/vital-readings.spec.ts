import { latestByKind, readingOf, readingsByKind, valueKindsOf, valueOf } from './vital-readings';
import { observation, pressurePanel } from './vitals-test-data';

describe('readingOf', () => {
  it('when the observation is a temperature, then it is one value of that kind, in range', () => {
    expect(readingOf(observation())).toEqual({
      kind: 'body-temperature',
      observationId: 'obs-p-mario-1-body-temperature',
      effectiveAt: '2025-11-20T09:00:00.000Z',
      source: 'manual',
      values: [{ kind: 'body-temperature', value: 36.8, outOfRange: false }],
      outOfRange: false,
    });
  });

  it('when the observation is a blood-pressure panel, then it is one reading with systolic and diastolic', () => {
    const reading = readingOf(pressurePanel(150, 85, { source: { kind: 'device', deviceId: 'dev-1' } }));
    expect(reading?.kind).toBe('blood-pressure');
    expect(reading?.source).toBe('device');
    expect(reading?.values).toEqual([
      { kind: 'systolic', value: 150, outOfRange: true },
      { kind: 'diastolic', value: 85, outOfRange: false },
    ]);
    expect(reading?.outOfRange).toBe(true);
  });

  it('when a panel also carries the mean arterial pressure, then it is kept as a third value', () => {
    const panel = pressurePanel(120, 80);
    panel.components!.push({ code: '8478-0', value: 93, unit: 'mm[Hg]' });
    expect(readingOf(panel)?.values.map((v) => v.kind)).toEqual(['systolic', 'diastolic', 'mean-arterial-pressure']);
  });

  it('when a panel lacks the diastolic, or the code is not a vital sign, then there is no reading', () => {
    expect(readingOf(pressurePanel(120, 80, { components: [{ code: '8480-6', value: 120, unit: 'mm[Hg]' }] }))).toBeNull();
    expect(readingOf(observation({ code: '1234-5' }))).toBeNull();
    expect(readingOf(observation({ value: undefined }))).toBeNull();
  });

  it('when a stored value is outside the expected range, then it is flagged out of range', () => {
    expect(readingOf(observation({ value: 38.4 }))?.outOfRange).toBe(true);
    expect(readingOf(observation({ code: '72514-3', value: 6, unit: '{score}' }))?.outOfRange).toBe(true);
  });
});

describe('latestByKind', () => {
  it('when a kind was measured several times, then only the newest reading is kept', () => {
    const latest = latestByKind([
      observation({ id: 't-new', value: 37.9, effectiveAt: '2025-11-22T09:00:00.000Z' }),
      observation({ id: 't-old', value: 36.5, effectiveAt: '2025-11-20T09:00:00.000Z' }),
    ]);
    expect(latest.map((r) => [r.observationId, valueOf(r, 'body-temperature')])).toEqual([['t-new', 37.9]]);
  });

  it('when there are panels and single values, then one row per kind, blood pressure first', () => {
    const latest = latestByKind([
      observation({ id: 'hr', code: '8867-4', value: 72, unit: '/min' }),
      observation({ id: 'temp' }),
      pressurePanel(130, 80, { id: 'bp-old', effectiveAt: '2025-11-19T09:00:00.000Z' }),
      pressurePanel(140, 90, { id: 'bp-new', effectiveAt: '2025-11-21T09:00:00.000Z' }),
    ]);
    expect(latest.map((r) => r.kind)).toEqual(['blood-pressure', 'heart-rate', 'body-temperature']);
    expect(latest[0].observationId).toBe('bp-new');
    expect(valueOf(latest[0], 'systolic')).toBe(140);
  });

  it('when an observation was corrected by another, then the corrected one is ignored', () => {
    const latest = latestByKind([
      observation({ id: 'wrong', value: 38.9, effectiveAt: '2025-11-22T09:00:00.000Z' }),
      observation({ id: 'fixed', value: 36.9, effectiveAt: '2025-11-21T09:00:00.000Z', supersedes: 'wrong' }),
    ]);
    expect(latest.map((r) => r.observationId)).toEqual(['fixed']);
  });

  it('when there are no vital signs, then the list is empty', () => {
    expect(latestByKind([])).toEqual([]);
    expect(latestByKind([observation({ code: '1234-5' })])).toEqual([]);
  });
});

describe('readingsByKind', () => {
  it('when observations come in any order, then each kind lists its readings oldest first', () => {
    const series = readingsByKind([
      observation({ id: 't2', effectiveAt: '2025-11-22T09:00:00.000Z' }),
      pressurePanel(130, 80, { id: 'bp1' }),
      observation({ id: 't1', effectiveAt: '2025-11-18T09:00:00.000Z' }),
    ]);
    expect(series.map((s) => [s.kind, s.readings.map((r) => r.observationId)])).toEqual([
      ['blood-pressure', ['bp1']],
      ['body-temperature', ['t1', 't2']],
    ]);
  });

  it('when the kind is blood pressure, then its lines are systolic and diastolic', () => {
    expect(valueKindsOf('blood-pressure')).toEqual(['systolic', 'diastolic']);
    expect(valueKindsOf('spo2')).toEqual(['spo2']);
  });
});
