import { chartSeries, homeHistories, homeReadingOf, latestOf, savedResult } from './home-readings';
import { observation, pressurePanel } from './home-kit-test-data';

describe('home readings', () => {
  describe('homeHistories', () => {
    it('when the patient has readings of several kinds, then they come in the order of the buttons, oldest first', () => {
      const histories = homeHistories([
        observation({ id: 'w1', code: '29463-7', value: 72.5, unit: 'kg', effectiveAt: '2025-11-20T07:00:00.000Z' }),
        pressurePanel(150, 95, { id: 'bp2', effectiveAt: '2025-11-21T06:30:00.000Z' }),
        pressurePanel(128, 82, { id: 'bp1', effectiveAt: '2025-11-19T06:30:00.000Z' }),
        observation({ id: 't1' }),
      ]);
      expect(histories.map((h) => [h.kind, h.readings.map((r) => r.observationId)])).toEqual([
        ['pressione', ['bp1', 'bp2']],
        ['temperatura', ['t1']],
        ['peso', ['w1']],
      ]);
      const pressure = histories[0];
      expect(latestOf(pressure).observationId).toBe('bp2');
      expect(latestOf(pressure).outOfRange).toBe(true);
    });

    it('when a reading was corrected, then only the correction counts', () => {
      const [temperature] = homeHistories([
        observation({ id: 't1', value: 39 }),
        observation({ id: 't2', value: 36.9, supersedes: 't1', effectiveAt: '2025-11-20T09:05:00.000Z' }),
      ]);
      expect(temperature.readings.map((r) => r.observationId)).toEqual(['t2']);
    });

    it('when there are more readings than the history keeps, then the newest are kept', () => {
      const many = Array.from({ length: 5 }, (_, i) => observation({ id: `t${i}`, effectiveAt: `2025-11-1${i}T09:00:00.000Z` }));
      expect(homeHistories(many, 3)[0].readings.map((r) => r.observationId)).toEqual(['t2', 't3', 't4']);
    });

    it('when an ECG was recorded, then its heart rate (76282-3, the strip in the waveform) is the ECG history', () => {
      const [ecg] = homeHistories([
        observation({
          id: 'ecg-1',
          code: '76282-3',
          value: 68,
          unit: '/min',
          waveform: { sampleRateHz: 130, unit: 'uV', scale: 1, leads: [{ lead: 'I', data: 'AAA=' }] },
        }),
      ]);
      expect(ecg.kind).toBe('ecg');
      expect(latestOf(ecg).values).toEqual([{ kind: 'ecg-heart-rate', value: 68, outOfRange: false }]);
      expect(chartSeries(ecg).kind).toBe('ecg-heart-rate');
    });

    it('when a spirometry panel was stored, then it is a reading of FEV1 carrying FVC, charted as FEV1', () => {
      const [spirometry] = homeHistories([
        observation({
          id: 'spiro-1',
          code: '81458-2',
          value: undefined,
          unit: undefined,
          components: [
            { code: '19868-9', value: 3.2, unit: 'L' },
            { code: '20150-9', value: 2.6, unit: 'L' },
            { code: '19926-5', value: 81.3, unit: '%' },
          ],
        }),
      ]);
      expect(spirometry.kind).toBe('spirometria');
      expect(latestOf(spirometry)).toMatchObject({
        kind: 'fev1',
        values: [
          { kind: 'fev1', value: 2.6, outOfRange: false },
          { kind: 'fvc', value: 3.2, outOfRange: false },
        ],
      });
    });

    it('when a spirometry panel has no FEV1, then it is not shown', () => {
      expect(homeReadingOf(observation({ code: '81458-2', value: undefined, components: [{ code: '19868-9', value: 3.2, unit: 'L' }] }))).toBeNull();
    });

    it('when nothing was measured, then there is no history', () => {
      expect(homeHistories([])).toEqual([]);
    });
  });

  describe('savedResult', () => {
    it('when a cuff saved the pressure and the pulse, then the pressure is the result and the pulse comes with it', () => {
      const result = savedResult('pressione', [
        observation({ id: 'hr', code: '8867-4', value: 72, unit: '/min' }),
        pressurePanel(128, 82, { id: 'bp' }),
      ]);
      expect(result.primary?.observationId).toBe('bp');
      expect(result.others.map((r) => r.observationId)).toEqual(['hr']);
      expect(result.outOfRange).toBe(false);
    });

    it('when any saved value is outside its range, then the result is out of range', () => {
      expect(savedResult('ossigeno', [observation({ id: 's', code: '59408-5', value: 91, unit: '%' })]).outOfRange).toBe(true);
    });

    it('when the device measured another kind than asked, then what it measured is shown', () => {
      const result = savedResult('pressione', [observation({ id: 's', code: '59408-5', value: 97, unit: '%' })]);
      expect(result.primary?.kind).toBe('spo2');
    });

    it('when nothing saved is a value the home screen knows, then there is no value to show', () => {
      expect(savedResult('ecg', [observation({ id: 'e', code: '11524-6', value: undefined, unit: undefined })]).primary).toBeNull();
    });
  });
});
