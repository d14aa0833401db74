import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex';
import { parsePlxContinuous, parsePlxSpotCheck } from './pulse-oximeter';
import { refusal } from './testing/refusal';

const NO_MEASUREMENT_STATUS = {
  measurementOngoing: false,
  earlyEstimatedData: false,
  validatedData: false,
  fullyQualifiedData: false,
  fromMeasurementStorage: false,
  demonstrationData: false,
  testingData: false,
  calibrationOngoing: false,
  measurementUnavailable: false,
  questionableMeasurement: false,
  invalidMeasurement: false,
};

const NO_DEVICE_STATUS = {
  extendedDisplayUpdateOngoing: false,
  equipmentMalfunction: false,
  signalProcessingIrregularity: false,
  inadequateSignal: false,
  poorSignal: false,
  lowPerfusion: false,
  erraticSignal: false,
  nonPulsatileSignal: false,
  questionablePulse: false,
  signalAnalysisOngoing: false,
  sensorInterference: false,
  sensorUnconnectedToUser: false,
  unknownSensorConnected: false,
  sensorDisplaced: false,
  sensorMalfunctioning: false,
  sensorDisconnected: false,
};

describe('parsePlxContinuous', () => {
  it('when given 00 64 00 5A 00, then returns SpO2 100 % and pulse 90 bpm', () => {
    expect(parsePlxContinuous(hex('00 64 00 5A 00'))).toStrictEqual({ spo2: 100, pulseRate: 90 });
  });

  it('when every optional field is flagged, then reads fast, slow, both statuses and PAI in order', () => {
    expect(parsePlxContinuous(hex('1F 61 00 48 00 60 00 4A 00 62 00 47 00 80 01 20 00 80 19 F0'))).toStrictEqual({
      spo2: 97,
      pulseRate: 72,
      fast: { spo2: 96, pulseRate: 74 },
      slow: { spo2: 98, pulseRate: 71 },
      measurementStatus: { ...NO_MEASUREMENT_STATUS, validatedData: true, fullyQualifiedData: true },
      deviceAndSensorStatus: { ...NO_DEVICE_STATUS, lowPerfusion: true },
      pulseAmplitudeIndex: 2.5,
    });
  });

  it('when only the slow pair is flagged, then it follows the normal pair directly', () => {
    expect(parsePlxContinuous(hex('02 61 00 48 00 62 00 47 00'))).toStrictEqual({
      spo2: 97,
      pulseRate: 72,
      slow: { spo2: 98, pulseRate: 71 },
    });
  });

  it('when only the PAI is flagged, then it follows the normal pair directly', () => {
    expect(parsePlxContinuous(hex('10 61 00 48 00 19 F0')).pulseAmplitudeIndex).toBe(2.5);
  });

  it('when SpO2 has a decimal (97.5 %), then keeps it', () => {
    expect(parsePlxContinuous(hex('00 CF F3 48 00')).spo2).toBe(97.5);
  });

  it('when reserved flag bits 5–7 are set, then ignores them', () => {
    expect(parsePlxContinuous(hex('E0 64 00 5A 00'))).toStrictEqual({ spo2: 100, pulseRate: 90 });
  });

  it.each([['00 64 00 5A'], ['']])('when only "%s" is given (shorter than 5 bytes), then refuses it as too-short', (bytes) => {
    const error = refusal(() => parsePlxContinuous(hex(bytes)));
    expect(error.code).toBe('too-short');
    expect(error.characteristic).toBe('PLX Continuous Measurement');
  });

  it.each([
    ['SpO2PR-Fast', '01 61 00 48 00 60 00 4A'],
    ['SpO2PR-Slow', '03 61 00 48 00 60 00 4A 00 62 00'],
    ['measurement status', '04 61 00 48 00 80'],
    ['device and sensor status', '08 61 00 48 00 20 00'],
    ['pulse amplitude index', '1C 61 00 48 00 80 01 20 00 80 19'],
  ])('when the %s is flagged but its bytes are missing, then refuses it naming that field', (field, bytes) => {
    const error = refusal(() => parsePlxContinuous(hex(bytes)));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe(field);
  });

  it.each([
    ['SpO2', '00 FF 07 5A 00'],
    ['pulse rate', '00 64 00 00 08'],
    ['SpO2 (fast)', '01 61 00 48 00 FF 07 4A 00'],
    ['pulse rate (slow)', '02 61 00 48 00 62 00 FE 07'],
    ['pulse amplitude index', '10 61 00 48 00 FF 07'],
  ])('when the %s is a special value, then refuses the whole reading', (field, bytes) => {
    const error = refusal(() => parsePlxContinuous(hex(bytes)));
    expect(error.code).toBe('special-value');
    expect(error.field).toBe(field);
  });

  it.each([
    ['SpO2', '00 65 00 5A 00', 'PLX Continuous Measurement: SpO2 101 is outside 0–100'],
    ['pulse rate', '00 64 00 FF 0F', 'PLX Continuous Measurement: pulse rate -1 is negative'],
    ['SpO2 (slow)', '02 61 00 48 00 FF 0F 47 00', 'PLX Continuous Measurement: SpO2 (slow) -1 is outside 0–100'],
    ['pulse amplitude index', '10 61 00 48 00 65 00', 'PLX Continuous Measurement: pulse amplitude index 101 is outside 0–100'],
  ])('when the %s is impossible, then refuses it as out-of-range', (field, bytes, message) => {
    const error = refusal(() => parsePlxContinuous(hex(bytes)));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
  });
});

describe('parsePlxSpotCheck', () => {
  it('when given SpO2 and pulse only, then returns them', () => {
    expect(parsePlxSpotCheck(hex('00 62 00 48 00'))).toStrictEqual({ spo2: 98, pulseRate: 72 });
  });

  it('when every optional field is flagged, then reads time stamp, both statuses and PAI in order', () => {
    expect(parsePlxSpotCheck(hex('0F 62 00 48 00 E9 07 06 01 09 1E 00 00 20 02 08 00 0A F0'))).toStrictEqual({
      spo2: 98,
      pulseRate: 72,
      timestamp: { kind: 'known', local: '2025-06-01T09:30:00', year: 2025, month: 6, day: 1, hours: 9, minutes: 30, seconds: 0 },
      measurementStatus: { ...NO_MEASUREMENT_STATUS, measurementUnavailable: true },
      deviceAndSensorStatus: { ...NO_DEVICE_STATUS, equipmentMalfunction: true, sensorUnconnectedToUser: true },
      pulseAmplitudeIndex: 1,
    });
  });

  it.each([
    ['bit 5', '20 00', 'measurementOngoing'],
    ['bit 6', '40 00', 'earlyEstimatedData'],
    ['bit 9', '00 02', 'fromMeasurementStorage'],
    ['bit 10', '00 04', 'demonstrationData'],
    ['bit 11', '00 08', 'testingData'],
    ['bit 12', '00 10', 'calibrationOngoing'],
    ['bit 14', '00 40', 'questionableMeasurement'],
    ['bit 15', '00 80', 'invalidMeasurement'],
  ])('when measurement status %s is set, then %s is true', (_, bits, name) => {
    expect(parsePlxSpotCheck(hex(`02 62 00 48 00 ${bits}`)).measurementStatus).toStrictEqual({
      ...NO_MEASUREMENT_STATUS,
      [name]: true,
    });
  });

  it('when only reserved measurement status bits 0–4 are set, then every status is false', () => {
    expect(parsePlxSpotCheck(hex('02 62 00 48 00 1F 00')).measurementStatus).toStrictEqual(NO_MEASUREMENT_STATUS);
  });

  it.each([
    [0, 'extendedDisplayUpdateOngoing'],
    [2, 'signalProcessingIrregularity'],
    [3, 'inadequateSignal'],
    [4, 'poorSignal'],
    [6, 'erraticSignal'],
    [7, 'nonPulsatileSignal'],
    [8, 'questionablePulse'],
    [9, 'signalAnalysisOngoing'],
    [10, 'sensorInterference'],
    [12, 'unknownSensorConnected'],
    [13, 'sensorDisplaced'],
    [14, 'sensorMalfunctioning'],
    [15, 'sensorDisconnected'],
  ])('when device and sensor status bit %i is set, then %s is true', (bit, name) => {
    const bytes = [1 << bit, (1 << bit) >> 8, 0].map((b) => (b & 0xff).toString(16).padStart(2, '0')).join(' ');
    expect(parsePlxSpotCheck(hex(`04 62 00 48 00 ${bytes}`)).deviceAndSensorStatus).toStrictEqual({
      ...NO_DEVICE_STATUS,
      [name]: true,
    });
  });

  it('when only reserved device status bits 16–23 are set, then every status is false', () => {
    expect(parsePlxSpotCheck(hex('04 62 00 48 00 00 00 FF')).deviceAndSensorStatus).toStrictEqual(NO_DEVICE_STATUS);
  });

  it('when the device says its clock is not set (bit 4), then the time stamp is unknown even if its fields look valid', () => {
    expect(parsePlxSpotCheck(hex('11 62 00 48 00 E9 07 06 01 09 1E 00')).timestamp).toStrictEqual({
      kind: 'unknown',
      year: 2025,
      month: 6,
      day: 1,
      hours: 9,
      minutes: 30,
      seconds: 0,
    });
  });

  it('when the clock-not-set flag comes without a time stamp, then returns SpO2 and pulse only', () => {
    expect(parsePlxSpotCheck(hex('10 62 00 48 00'))).toStrictEqual({ spo2: 98, pulseRate: 72 });
  });

  it('when reserved flag bits 5–7 are set, then ignores them', () => {
    expect(parsePlxSpotCheck(hex('E0 62 00 48 00'))).toStrictEqual({ spo2: 98, pulseRate: 72 });
  });

  it('when too short, then refuses it naming PLX Spot-check Measurement', () => {
    expect(refusal(() => parsePlxSpotCheck(hex('00 62 00 48'))).message).toBe(
      'PLX Spot-check Measurement: only 4 of 5 mandatory bytes present (flags, SFLOAT SpO2 and SFLOAT pulse rate)',
    );
  });

  it.each([
    ['time stamp', '01 62 00 48 00 E9 07 06 01 09 1E'],
    ['measurement status', '03 62 00 48 00 E9 07 06 01 09 1E 00 00'],
    ['device and sensor status', '04 62 00 48 00 02 08'],
    ['pulse amplitude index', '08 62 00 48 00 0A'],
  ])('when the %s is flagged but its bytes are missing, then refuses it naming that field', (field, bytes) => {
    const error = refusal(() => parsePlxSpotCheck(hex(bytes)));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe(field);
  });

  it.each([
    ['SpO2', '00 02 08 48 00'],
    ['pulse rate', '00 62 00 FF 07'],
    ['pulse amplitude index', '08 62 00 48 00 00 08'],
  ])('when the %s is a special value, then refuses the whole reading', (field, bytes) => {
    const error = refusal(() => parsePlxSpotCheck(hex(bytes)));
    expect(error.code).toBe('special-value');
    expect(error.field).toBe(field);
  });

  it('when the time stamp has hour 24, then refuses the reading as out-of-range', () => {
    const error = refusal(() => parsePlxSpotCheck(hex('01 62 00 48 00 E9 07 06 01 18 1E 00')));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('time stamp');
  });
});
