import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex';
import { ENERGY_EXPENDED_SATURATED, parseHeartRateMeasurement } from './heart-rate';
import { refusal } from './testing/refusal';

describe('parseHeartRateMeasurement', () => {
  it('when given 00 55, then returns 85 bpm and no contact information', () => {
    expect(parseHeartRateMeasurement(hex('00 55'))).toStrictEqual({ heartRate: 85, sensorContact: 'not-supported' });
  });

  it('when given 1E 55 32 00 21 00, then returns 85 bpm, skin contact, 50 kJ and one RR-interval of 33/1024 s', () => {
    expect(parseHeartRateMeasurement(hex('1E 55 32 00 21 00'))).toStrictEqual({
      heartRate: 85,
      sensorContact: 'detected',
      energyExpended: 50,
      rrIntervals: [32.2265625],
    });
  });

  it('when bit 0 is set, then reads the heart rate as u16 (300 bpm)', () => {
    expect(parseHeartRateMeasurement(hex('01 2C 01')).heartRate).toBe(300);
  });

  it.each([
    ['00', 'not-supported'],
    ['02', 'not-supported'],
    ['04', 'not-detected'],
    ['06', 'detected'],
  ])('when the flags are %s, then the sensor contact is %s', (flags, contact) => {
    expect(parseHeartRateMeasurement(hex(`${flags} 48`)).sensorContact).toBe(contact);
  });

  it('when several RR-intervals follow, then returns each in milliseconds, oldest first', () => {
    expect(parseHeartRateMeasurement(hex('10 48 00 04 00 02 01 00')).rrIntervals).toStrictEqual([1000, 500, 0.9765625]);
  });

  it('when the heart rate is u16 and RR-intervals follow, then they start after the second heart-rate byte', () => {
    expect(parseHeartRateMeasurement(hex('11 48 00 00 04'))).toStrictEqual({
      heartRate: 72,
      sensorContact: 'not-supported',
      rrIntervals: [1000],
    });
  });

  it('when the energy counter is full, then returns ENERGY_EXPENDED_SATURATED', () => {
    expect(parseHeartRateMeasurement(hex('08 48 FF FF')).energyExpended).toBe(ENERGY_EXPENDED_SATURATED);
  });

  it('when reserved flag bits 5–7 are set, then ignores them', () => {
    expect(parseHeartRateMeasurement(hex('E0 48'))).toStrictEqual({ heartRate: 72, sensorContact: 'not-supported' });
  });

  it('when bytes follow and no RR-interval is flagged, then ignores them', () => {
    expect(parseHeartRateMeasurement(hex('00 48 AA BB CC'))).toStrictEqual(parseHeartRateMeasurement(hex('00 48')));
  });

  it('when the view is a window into a larger buffer, then reads relative to the window', () => {
    const bytes = new Uint8Array([0xaa, 0x00, 0x55]);
    expect(parseHeartRateMeasurement(new DataView(bytes.buffer, 1)).heartRate).toBe(85);
  });

  it.each([
    ['', 'Heart Rate Measurement: only 0 of 1 mandatory bytes present (flags)'],
    ['00', 'Heart Rate Measurement: only 1 of 2 mandatory bytes present (flags and u8 heart rate)'],
    ['01 55', 'Heart Rate Measurement: only 2 of 3 mandatory bytes present (flags and u16 heart rate)'],
  ])('when only "%s" is given, then refuses it as too-short', (bytes, message) => {
    const error = refusal(() => parseHeartRateMeasurement(hex(bytes)));
    expect(error.code).toBe('too-short');
    expect(error.message).toBe(message);
  });

  it('when RR-intervals are flagged but none is present (17 01 01), then refuses it as missing-field', () => {
    const error = refusal(() => parseHeartRateMeasurement(hex('17 01 01')));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe('RR-interval');
    expect(error.message).toBe('Heart Rate Measurement: RR-interval flagged but only 3 of 5 bytes present');
  });

  it.each([
    ['energy expended', '08 55 32'],
    ['RR-interval', '18 55 32 00'],
  ])('when the %s is flagged but its bytes are missing, then refuses it naming that field', (field, bytes) => {
    const error = refusal(() => parseHeartRateMeasurement(hex(bytes)));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe(field);
  });

  it('when an odd number of bytes is left for RR-intervals, then refuses it as inconsistent', () => {
    const error = refusal(() => parseHeartRateMeasurement(hex('10 55 21 00 22')));
    expect(error.code).toBe('inconsistent');
    expect(error.message).toBe('Heart Rate Measurement: RR-intervals take 2 bytes each but 3 bytes remain');
  });
});
