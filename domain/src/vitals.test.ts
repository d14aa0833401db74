import { describe, expect, it } from 'vitest';
import {
  BLOOD_PRESSURE_PANEL_LOINC,
  bloodPressurePanel,
  checkBloodPressure,
  checkVital,
  convertToVitalUnit,
  fahrenheitToCelsius,
  glucoseMmolPerLToMgPerDl,
  kPaToMmHg,
  mmHgToKPa,
  poundsToKilograms,
  toObservationFields,
  VITAL_KINDS,
  VITALS,
  vitalByLoinc,
} from './vitals';

describe('the vitals table', () => {
  it('when any kind is looked at, then it has a LOINC code, a UCUM unit, both labels and sane ranges', () => {
    for (const kind of VITAL_KINDS) {
      const def = VITALS[kind];
      expect(def.kind).toBe(kind);
      expect(def.loinc).toMatch(/^[0-9]{1,7}-[0-9]$/);
      expect(def.unit.length).toBeGreaterThan(0);
      expect(def.label.it.length).toBeGreaterThan(0);
      expect(def.label.en.length).toBeGreaterThan(0);
      expect(def.possible.min).toBeLessThan(def.possible.max);
      if (def.expected) {
        expect(def.expected.min).toBeGreaterThanOrEqual(def.possible.min);
        expect(def.expected.max).toBeLessThanOrEqual(def.possible.max);
      }
      expect(vitalByLoinc(def.loinc)).toBe(def);
    }
  });

  it('when the codes are read, then they are the FHIR vital-signs codes and units', () => {
    const pairs = Object.fromEntries(VITAL_KINDS.map((k) => [k, `${VITALS[k].loinc} ${VITALS[k].unit}`]));
    expect(pairs).toMatchObject({
      systolic: '8480-6 mm[Hg]',
      diastolic: '8462-4 mm[Hg]',
      'mean-arterial-pressure': '8478-0 mm[Hg]',
      'heart-rate': '8867-4 /min',
      spo2: '59408-5 %',
      'body-temperature': '8310-5 Cel',
      'respiratory-rate': '9279-1 /min',
      'body-weight': '29463-7 kg',
      'body-height': '8302-2 cm',
      bmi: '39156-5 kg/m2',
      'capillary-glucose': '41653-7 mg/dL',
      'pain-nrs': '72514-3 {score}',
      fvc: '19868-9 L',
      fev1: '20150-9 L',
      'fev1-fvc': '19926-5 %',
      pef: '19935-6 L/s',
      'fef25-75': '19927-3 L/s',
    });
    expect(VITALS.spo2.alsoLoinc).toEqual(['2708-6']);
    expect(vitalByLoinc('0000-0')).toBeUndefined();
  });
});

describe('checkVital', () => {
  it('when a value is normal, then it is accepted without warnings', () => {
    expect(checkVital('heart-rate', 72)).toEqual({ ok: true, warnings: [] });
    expect(checkVital('body-temperature', 36.8)).toEqual({ ok: true, warnings: [] });
    expect(checkVital('pain-nrs', 0)).toEqual({ ok: true, warnings: [] });
  });

  it('when a value is NaN or infinite, then it is refused naming the vital', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const result = checkVital('spo2', bad);
      expect(result).toMatchObject({ ok: false, problem: { code: 'not-a-number', kind: 'spo2' } });
      expect(!result.ok && result.problem.message.en).toContain('Oxygen saturation');
      expect(!result.ok && result.problem.message.it).toContain('Saturazione');
    }
  });

  it('when a value is outside the possible range, then it is refused naming the vital and the limit', () => {
    const high = checkVital('systolic', 320);
    expect(high).toMatchObject({ ok: false, problem: { code: 'above-possible' } });
    expect(!high.ok && high.problem.message.en).toBe('Systolic pressure: 320 mmHg is above the possible maximum of 300 mmHg.');
    const low = checkVital('body-temperature', 29.9);
    expect(!low.ok && low.problem.message.it).toBe('Temperatura corporea: 29,9 °C è sotto il minimo possibile di 30 °C.');
    expect(checkVital('spo2', 101)).toMatchObject({ ok: false, problem: { code: 'above-possible' } });
    expect(checkVital('pain-nrs', -1)).toMatchObject({ ok: false, problem: { code: 'below-possible' } });
    expect(checkVital('fev1-fvc', 120)).toMatchObject({ ok: false, problem: { code: 'above-possible' } });
  });

  it('when a value sits on a possible limit, then it is accepted', () => {
    expect(checkVital('systolic', 300).ok).toBe(true);
    expect(checkVital('spo2', 100).ok).toBe(true);
    expect(checkVital('pain-nrs', 10).ok).toBe(true);
  });

  it('when a value is rounded into range, then the rounded value is what is checked', () => {
    // An oximeter's 100.4 % is stored as 100 %.
    expect(checkVital('spo2', 100.4).ok).toBe(true);
    expect(checkVital('spo2', 100.5).ok).toBe(false);
  });

  it('when a value is outside the expected range, then it is accepted with a warning', () => {
    const fever = checkVital('body-temperature', 38.4);
    expect(fever).toMatchObject({ ok: true, warnings: [{ code: 'above-expected', kind: 'body-temperature' }] });
    expect(fever.ok && fever.warnings[0].message.en).toBe('Body temperature: 38.4 °C is above the expected range (35.5–37.5 °C). Please check.');
    expect(fever.ok && fever.warnings[0].message.it).toContain('38,4 °C è sopra i valori attesi (35,5–37,5 °C)');
    expect(checkVital('spo2', 91)).toMatchObject({ ok: true, warnings: [{ code: 'below-expected' }] });
    expect(checkVital('capillary-glucose', 250)).toMatchObject({ ok: true, warnings: [{ code: 'above-expected' }] });
    expect(checkVital('pain-nrs', 6)).toMatchObject({ ok: true, warnings: [{ code: 'above-expected' }] });
    expect(checkVital('body-weight', 7.5)).toMatchObject({ ok: true, warnings: [{ code: 'below-expected' }] });
  });

  it('when a kind has no expected range (FEF flows), then only the possible range applies', () => {
    expect(checkVital('fef75', 0.4)).toEqual({ ok: true, warnings: [] });
    expect(checkVital('fef25', 25)).toMatchObject({ ok: false, problem: { code: 'above-possible' } });
  });

  it('when a pain score is not a whole number, then it is refused', () => {
    expect(checkVital('pain-nrs', 3.5)).toMatchObject({ ok: false, problem: { code: 'not-whole', kind: 'pain-nrs' } });
  });
});

describe('checkBloodPressure', () => {
  it('when the pair is normal, then it is accepted', () => {
    expect(checkBloodPressure(120, 80)).toEqual({ ok: true, warnings: [] });
  });

  it('when the diastolic is not below the systolic, then the pair is refused', () => {
    for (const [sys, dia] of [
      [80, 120],
      [90, 90],
    ]) {
      const result = checkBloodPressure(sys, dia);
      expect(result).toMatchObject({ ok: false, problem: { code: 'diastolic-not-below-systolic', kind: 'diastolic' } });
      expect(!result.ok && result.problem.message.en).toContain(`lower than the systolic (${sys} mmHg)`);
    }
  });

  it('when one value is impossible, then that value is refused first', () => {
    expect(checkBloodPressure(350, 80)).toMatchObject({ ok: false, problem: { code: 'above-possible', kind: 'systolic' } });
    expect(checkBloodPressure(120, Number.NaN)).toMatchObject({ ok: false, problem: { code: 'not-a-number', kind: 'diastolic' } });
  });

  it('when both values are high, then both warnings come back', () => {
    const result = checkBloodPressure(165, 95);
    expect(result.ok && result.warnings.map((w) => w.kind)).toEqual(['systolic', 'diastolic']);
  });
});

describe('toObservationFields and bloodPressurePanel', () => {
  it('when a value is stored, then it carries the LOINC code, UCUM unit and the kind\'s decimals', () => {
    expect(toObservationFields('body-temperature', 37.25)).toEqual({ code: '8310-5', value: 37.3, unit: 'Cel' });
    expect(toObservationFields('heart-rate', 71.6)).toEqual({ code: '8867-4', value: 72, unit: '/min' });
    expect(toObservationFields('fev1', 2.456)).toEqual({ code: '20150-9', value: 2.46, unit: 'L' });
    expect(toObservationFields('ecg-heart-rate', 64)).toEqual({ code: '76282-3', value: 64, unit: '/min' });
  });

  it('when a value is refused, then storing it throws the refusal', () => {
    expect(() => toObservationFields('respiratory-rate', 0)).toThrow(RangeError);
    expect(() => toObservationFields('respiratory-rate', 0)).toThrow(/Respiratory rate: 0 \/min is below the possible minimum of 4/);
  });

  it('when a blood pressure is stored, then it is one panel with systolic, diastolic and optional MAP components', () => {
    expect(bloodPressurePanel(120, 80)).toEqual({
      code: BLOOD_PRESSURE_PANEL_LOINC,
      components: [
        { code: '8480-6', value: 120, unit: 'mm[Hg]' },
        { code: '8462-4', value: 80, unit: 'mm[Hg]' },
      ],
    });
    expect(bloodPressurePanel(120, 80, 93).components[2]).toEqual({ code: '8478-0', value: 93, unit: 'mm[Hg]' });
    expect(() => bloodPressurePanel(80, 120)).toThrow(/lower than the systolic/);
    expect(() => bloodPressurePanel(120, 80, 400)).toThrow(/Mean arterial pressure/);
  });
});

describe('unit conversions', () => {
  it('when a cuff reports kPa, then mmHg comes out, and back', () => {
    expect(kPaToMmHg(16)).toBeCloseTo(120.01, 2);
    expect(mmHgToKPa(120)).toBeCloseTo(15.999, 3);
    expect(kPaToMmHg(mmHgToKPa(87))).toBeCloseTo(87, 10);
    expect(toObservationFields('systolic', convertToVitalUnit('systolic', 16, 'kPa')).value).toBe(120);
  });

  it('when a thermometer reports °F, then °C comes out', () => {
    expect(fahrenheitToCelsius(98.6)).toBeCloseTo(37, 10);
    expect(fahrenheitToCelsius(32)).toBe(0);
    expect(convertToVitalUnit('body-temperature', 100.4, '[degF]')).toBeCloseTo(38, 10);
    expect(convertToVitalUnit('body-temperature', 100.4, '°F')).toBeCloseTo(38, 10);
  });

  it('when a scale reports pounds, then kilograms come out', () => {
    expect(poundsToKilograms(1)).toBe(0.45359237);
    expect(toObservationFields('body-weight', convertToVitalUnit('body-weight', 154.32, '[lb_av]')).value).toBe(70);
  });

  it('when a meter reports mmol/L (or the BLE kg/L, mol/L), then mg/dL comes out', () => {
    expect(glucoseMmolPerLToMgPerDl(5.5)).toBeCloseTo(99.09, 2);
    expect(toObservationFields('capillary-glucose', convertToVitalUnit('capillary-glucose', 5.5, 'mmol/L')).value).toBe(99);
    expect(convertToVitalUnit('capillary-glucose', 0.00099, 'kg/L')).toBeCloseTo(99, 10);
    expect(convertToVitalUnit('capillary-glucose', 0.0055, 'mol/L')).toBeCloseTo(99.0858, 4);
  });

  it('when other device units arrive, then height, volumes, flows and ratios convert too', () => {
    expect(convertToVitalUnit('body-height', 1.72, 'm')).toBeCloseTo(172, 10);
    expect(convertToVitalUnit('body-height', 68, '[in_i]')).toBeCloseTo(172.72, 10);
    expect(convertToVitalUnit('fvc', 345, 'cL')).toBeCloseTo(3.45, 10);
    expect(convertToVitalUnit('pef', 480, 'L/min')).toBe(8);
    expect(convertToVitalUnit('fev1-fvc', 0.78, '1')).toBeCloseTo(78, 10);
    expect(convertToVitalUnit('systolic', 120, 'mmHg')).toBe(120);
  });

  it('when a unit does not measure the kind, then the conversion is refused', () => {
    expect(() => convertToVitalUnit('body-weight', 16, 'kPa')).toThrow(/Body weight: cannot convert from "kPa" to kg/);
    expect(() => convertToVitalUnit('heart-rate', 1, 'Hz')).toThrow(RangeError);
  });
});
