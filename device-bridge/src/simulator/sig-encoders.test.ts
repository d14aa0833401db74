import { describe, expect, it } from 'vitest';
import { parseBloodPressureMeasurement, parseIntermediateCuffPressure } from '../gatt/blood-pressure';
import { parseGlucoseMeasurementContext } from '../gatt/glucose-context';
import { parseGlucoseMeasurement } from '../gatt/glucose-measurement';
import { parseHeartRateMeasurement } from '../gatt/heart-rate';
import { parseIntermediateTemperature, parseTemperatureMeasurement } from '../gatt/health-thermometer';
import { decodeSfloat } from '../gatt/ieee11073';
import { parsePlxContinuous } from '../gatt/pulse-oximeter';
import { parseRacpResponse } from '../gatt/record-access';
import { parseWeightMeasurement } from '../gatt/weight-scale';
import {
  encodeBloodPressureMeasurement,
  encodeGlucoseContext,
  encodeGlucoseMeasurement,
  encodeHeartRateMeasurement,
  encodeIntermediateCuffPressure,
  encodeIntermediateTemperature,
  encodePlxContinuous,
  encodeRacpRecordCount,
  encodeRacpResponseCode,
  encodeSfloat,
  encodeTemperatureMeasurement,
  encodeWeightMeasurement,
} from './sig-encoders';

const view = (bytes: Uint8Array | number[]): DataView => new DataView(Uint8Array.from(bytes).buffer);

describe('SIG encoders, read back by the gatt/ decoders', () => {
  it('when encoding the reference blood pressure, then the bytes are the reference example with status added', () => {
    const bytes = encodeBloodPressureMeasurement({
      systolic: 120,
      diastolic: 80,
      meanArterialPressure: 93,
      pulseRate: 70,
      time: '2025-06-01T09:30:00',
    });
    expect(Array.from(bytes.subarray(1, 16))).toEqual([
      0x78, 0x00, 0x50, 0x00, 0x5d, 0x00, 0xe9, 0x07, 0x06, 0x01, 0x09, 0x1e, 0x00, 0x46, 0x00,
    ]);
    expect(parseBloodPressureMeasurement(view(bytes))).toMatchObject({
      systolic: 120,
      diastolic: 80,
      meanArterialPressure: 93,
      pulseRate: 70,
    });
    expect(parseIntermediateCuffPressure(view(encodeIntermediateCuffPressure(145))).cuffPressure).toBe(145);
  });

  it('when encoding SFLOATs, then they decode to the same value, and a mantissa too wide is refused', () => {
    expect(decodeSfloat(view(encodeSfloat(10.1, -1)), 0)).toEqual({ kind: 'value', value: 10.1, exponent: -1 });
    expect(decodeSfloat(view(encodeSfloat(-3, 0)), 0)).toMatchObject({ value: -3 });
    expect(() => encodeSfloat(2047, 0)).toThrow(RangeError);
  });

  it('when encoding temperatures, heart rate, oximetry and weight, then the decoders read the same values', () => {
    expect(
      parseTemperatureMeasurement(view(encodeTemperatureMeasurement({ celsius: 36.8, time: '2025-06-01T09:30:00', type: 3 }))),
    ).toMatchObject({
      temperature: 36.8,
      temperatureType: 'ear',
    });
    expect(parseIntermediateTemperature(view(encodeIntermediateTemperature(36.5))).temperature).toBe(36.5);
    expect(parseHeartRateMeasurement(view(encodeHeartRateMeasurement({ bpm: 72, rrIntervalsMs: [1000] })))).toEqual({
      heartRate: 72,
      sensorContact: 'detected',
      rrIntervals: [1000],
    });
    expect(parsePlxContinuous(view(encodePlxContinuous({ spo2: 97, pulseRate: 70, measurementStatus: 0x20 })))).toMatchObject({
      spo2: 97,
      pulseRate: 70,
      measurementStatus: { measurementOngoing: true, earlyEstimatedData: false },
    });
    expect(parseWeightMeasurement(view(encodeWeightMeasurement({ kg: 72.4, heightM: 1.7, time: '2025-06-01T09:30:00' })))).toMatchObject({
      weight: 72.4,
      bmi: 25.1,
      height: 1.7,
    });
  });

  it('when encoding glucose records and RACP answers, then they decode with sequence numbers, meals and meanings', () => {
    const measurement = parseGlucoseMeasurement(
      view(encodeGlucoseMeasurement({ sequenceNumber: 258, time: '2025-06-01T07:30:00', mgdl: 95, contextFollows: true })),
    );
    expect(measurement).toMatchObject({ sequenceNumber: 258, contextFollows: true, concentration: { value: 95, unit: 'mg/dL' } });
    expect(parseGlucoseMeasurementContext(view(encodeGlucoseContext({ sequenceNumber: 258, meal: 2 })))).toEqual({
      sequenceNumber: 258,
      meal: 'postprandial',
    });
    expect(parseRacpResponse(view(encodeRacpResponseCode(1, 6)))).toMatchObject({
      request: 'report-stored-records',
      meaning: 'no-records-found',
    });
    expect(parseRacpResponse(view(encodeRacpRecordCount(3)))).toEqual({ kind: 'number-of-stored-records', count: 3 });
  });

  it('when the time is not a local ISO time, then a TypeError names the expected form', () => {
    expect(() => encodeTemperatureMeasurement({ celsius: 36.8, time: '01/06/2025', type: 3 })).toThrow(/YYYY-MM-DDTHH:MM:SS/);
  });
});
