import { deliveryOf, greetingKey, rangeKey, readingText, whenMessage } from './home-format';

describe('home format', () => {
  const now = new Date('2025-11-22T09:30:00.000Z'); // 10:30 in Rome

  describe('whenMessage', () => {
    it('when the reading is from yesterday morning, then it reads "ieri alle 07:30" in local time', () => {
      expect(whenMessage('2025-11-21T06:30:00.000Z', now, 'it', 'Europe/Rome')).toEqual({ key: 'homeKit.when.yesterday', params: { time: '07:30' } });
    });

    it('when the reading is from this morning, then it is today', () => {
      expect(whenMessage('2025-11-22T06:05:00.000Z', now, 'it', 'Europe/Rome')).toEqual({ key: 'homeKit.when.today', params: { time: '07:05' } });
    });

    it('when the reading is older, then it carries the Italian date', () => {
      expect(whenMessage('2025-11-18T17:00:00.000Z', now, 'it', 'Europe/Rome')).toEqual({
        key: 'homeKit.when.other',
        params: { date: '18/11/2025', time: '18:00' },
      });
    });

    it('when a reading at 23:30 local time is read after midnight UTC, then the local day decides "yesterday"', () => {
      // 22:30Z on the 21st is 23:30 in Rome, the 21st: yesterday for the 22nd.
      expect(whenMessage('2025-11-21T22:30:00.000Z', now, 'it', 'Europe/Rome').key).toBe('homeKit.when.yesterday');
      // 23:30Z on the 21st is already the 22nd in Rome: today.
      expect(whenMessage('2025-11-21T23:30:00.000Z', now, 'it', 'Europe/Rome')).toEqual({ key: 'homeKit.when.today', params: { time: '00:30' } });
    });
  });

  it('when the hour is morning or evening in the patient’s zone, then the greeting follows it', () => {
    expect(greetingKey(new Date('2025-11-22T06:00:00.000Z'), 'Europe/Rome')).toBe('homeKit.greeting.morning');
    expect(greetingKey(new Date('2025-11-22T17:00:00.000Z'), 'Europe/Rome')).toBe('homeKit.greeting.evening');
    expect(greetingKey(new Date('2025-11-22T02:00:00.000Z'), 'Europe/Rome')).toBe('homeKit.greeting.evening');
  });

  it('when a result is judged, then it is within or outside the limits, and a result without value has no message', () => {
    expect(rangeKey({ outOfRange: false, hasValue: true })).toBe('homeKit.range.normal');
    expect(rangeKey({ outOfRange: true, hasValue: true })).toBe('homeKit.range.out');
    expect(rangeKey({ outOfRange: false, hasValue: false })).toBeNull();
  });

  describe('deliveryOf', () => {
    const saved = ['obs-a', 'obs-b'];

    it('when none of the saved observations is pending, then it is sent (other pending changes do not matter)', () => {
      expect(deliveryOf(saved, [{ collection: 'devices', id: 'dev-1' }, { collection: 'observations', id: 'obs-old' }], false)).toBe('sent');
    });

    it('when one is still pending and the app is offline, then it waits for a connection', () => {
      expect(deliveryOf(saved, [{ collection: 'observations', id: 'obs-b' }], false)).toBe('waiting');
    });

    it('when one is still pending and the app is online, then it is on its way', () => {
      expect(deliveryOf(saved, [{ collection: 'observations', id: 'obs-a' }], true)).toBe('sending');
    });
  });

  it('when a reading is written out, then Italian uses the decimal comma and a spirometry names its indices', () => {
    const reading = (kind: 'fev1' | 'body-temperature', values: { kind: 'fev1' | 'fvc' | 'body-temperature'; value: number }[]) => ({
      kind,
      observationId: 'o',
      effectiveAt: '2025-11-22T06:00:00.000Z',
      source: 'manual' as const,
      values: values.map((v) => ({ ...v, outOfRange: false })),
      outOfRange: false,
    });
    expect(readingText(reading('body-temperature', [{ kind: 'body-temperature', value: 36.8 }]), 'it')).toBe('36,8 °C');
    expect(readingText(reading('fev1', [{ kind: 'fev1', value: 2.6 }, { kind: 'fvc', value: 3.2 }]), 'it')).toBe('FEV1 2,60 L · FVC 3,20 L');
    expect(readingText(reading('fev1', [{ kind: 'fev1', value: 2.6 }]), 'en')).toBe('FEV1 2.60 L');
  });
});
