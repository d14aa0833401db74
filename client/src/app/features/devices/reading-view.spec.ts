import type { ObservationDoc } from '@prossima/domain';
import { progressView, readingLines } from './reading-view';

const doc = (fields: Partial<ObservationDoc>): ObservationDoc => ({
  id: 'o',
  districtId: 'd',
  patientId: 'p',
  code: '',
  effectiveAt: '2025-11-22T09:30:00.000Z',
  source: { kind: 'device' },
  updatedAt: '2025-11-22T09:30:00.000Z',
  updatedBy: 'u',
  ...fields,
});

describe('progressView', () => {
  it('when the cuff inflates, then the detail gives the pressure while the announcement stays the same', () => {
    const first = progressView({ kind: 'cuff-pressure', pressure: 120, unit: 'mm[Hg]' }, 'it');
    const next = progressView({ kind: 'cuff-pressure', pressure: 130, unit: 'mm[Hg]' }, 'it');
    expect(first.detail).toEqual({ key: 'devices.progress.cuff', params: { pressure: '120 mmHg' } });
    expect(next.announce).toEqual(first.announce);
  });

  it('when a kPa cuff or a Fahrenheit thermometer reports, then the values are shown in mmHg and °C', () => {
    expect(progressView({ kind: 'cuff-pressure', pressure: 16, unit: 'kPa' }, 'it').detail.params['pressure']).toBe('120 mmHg');
    expect(progressView({ kind: 'intermediate-temperature', temperature: 98.6, unit: '[degF]' }, 'it').detail.params['value']).toBe('37,0 °C');
  });

  it('when the ECG records, then the bar follows the seconds and the announcement changes only every 10 s', () => {
    const at = (recordedS: number) => progressView({ kind: 'ecg-recording', recordedS, durationS: 30, samples: [] }, 'it');
    expect(at(12.4).detail.params).toEqual({ recorded: '12', duration: '30' });
    expect(at(12.4).fraction).toBeCloseTo(12.4 / 30);
    expect(at(12.4).announce).toEqual(at(19.9).announce);
    expect(at(20).announce.params['recorded']).toBe('20');
  });

  it('when the oximeter counts steady readings, then the announcement names them and the bar fills', () => {
    const view = progressView({ kind: 'spo2', spo2: 97, pulseRate: 70, steadyReadings: 2, needed: 5 }, 'en');
    expect(view.detail.params).toMatchObject({ spo2: '97 %', pulse: '70 bpm' });
    expect(view.announce).toEqual({ key: 'devices.progress.steady', params: expect.objectContaining({ steady: '2', needed: '5' }) });
    expect(view.fraction).toBe(0.4);
  });
});

describe('readingLines', () => {
  it('when a reading holds a pressure panel and a pulse, then it reads as pressure, mean pressure and heart rate, in Italian', () => {
    const panel = doc({
      code: '85354-9',
      components: [
        { code: '8480-6', value: 128, unit: 'mm[Hg]' },
        { code: '8462-4', value: 82, unit: 'mm[Hg]' },
        { code: '8478-0', value: 97, unit: 'mm[Hg]' },
      ],
    });
    const pulse = doc({ code: '8867-4', value: 72, unit: '/min' });
    expect(readingLines([panel, pulse], 'it', 'Pressione arteriosa')).toEqual([
      { label: 'Pressione arteriosa', value: '128/82 mmHg' },
      { label: 'Pressione arteriosa media', value: '97 mmHg' },
      { label: 'Frequenza cardiaca', value: '72 bpm' },
    ]);
  });

  it('when a temperature is read in English, then the decimal point is used; a spirometry panel is left to its table', () => {
    const lines = readingLines([doc({ code: '8310-5', value: 36.8, unit: 'Cel' }), doc({ code: '81458-2', components: [] })], 'en', 'Blood pressure');
    expect(lines).toEqual([{ label: 'Body temperature', value: '36.8 °C' }]);
  });
});
