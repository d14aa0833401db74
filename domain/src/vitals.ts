/**
 * Vital signs and device measurements: ONE table shared by manual entry and
 * the device bridge, so a value typed in and a value read over Bluetooth are
 * checked, rounded, coded (LOINC) and unit-ed (UCUM) the same way.
 *
 * Two ranges per kind:
 * - `possible`: outside it a value cannot be real (a typo, a sensor fault) and
 *   is refused;
 * - `expected`: outside it the value is accepted with a warning ("check it").
 *   For an adult at home; not a diagnosis. Weight, height and spirometry have
 *   no population norm (spirometry needs predicted values, e.g. GLI-2012): their
 *   `expected` range only catches slips such as 7.5 kg for 75 kg, and the FEF
 *   flows have none at all.
 *
 * Values are rounded to the kind's decimals **before** they are checked, so the
 * check applies to what is stored (an oximeter's 99.6 % is stored as 100 %).
 */

/** A kind of measurement the app records. */
export type VitalKind =
  | 'systolic'
  | 'diastolic'
  | 'mean-arterial-pressure'
  | 'heart-rate'
  | 'spo2'
  | 'body-temperature'
  | 'respiratory-rate'
  | 'body-weight'
  | 'body-height'
  | 'bmi'
  | 'capillary-glucose'
  | 'pain-nrs'
  | 'fvc'
  | 'fev1'
  | 'fev1-fvc'
  | 'pef'
  | 'fef25'
  | 'fef50'
  | 'fef75'
  | 'fef25-75'
  | 'ecg-heart-rate';

/** An inclusive range. */
export interface VitalRange {
  min: number;
  max: number;
}

/** How one kind of measurement is coded, shown and checked. */
export interface VitalDefinition {
  kind: VitalKind;
  /** LOINC code stored in `ObservationDoc.code` (or a panel component's code). */
  loinc: string;
  /** Further LOINC codes a FHIR export adds as extra codings. */
  alsoLoinc?: readonly string[];
  /** UCUM unit stored in `ObservationDoc.unit`. */
  unit: string;
  /** The unit as shown to people. */
  symbol: string;
  label: { it: string; en: string };
  /** Decimals kept when stored. */
  decimals: number;
  /** Refused when outside. */
  possible: VitalRange;
  /** Warned when outside; absent where no fixed range means anything. */
  expected?: VitalRange;
}

/** LOINC code of the blood-pressure panel (components systolic 8480-6, diastolic 8462-4, optional MAP 8478-0). */
export const BLOOD_PRESSURE_PANEL_LOINC = '85354-9';

/**
 * LOINC code of the spirometry panel (components: the spirometry kinds below).
 * ⚠ Found in a public FHIR implementation guide only: verify before a FHIR export.
 */
export const SPIROMETRY_PANEL_LOINC = '81458-2';

function vital(
  kind: VitalKind,
  loinc: string,
  unit: string,
  symbol: string,
  label: { it: string; en: string },
  decimals: number,
  possible: [number, number],
  expected?: [number, number],
  alsoLoinc?: readonly string[],
): VitalDefinition {
  return {
    kind,
    loinc,
    ...(alsoLoinc ? { alsoLoinc } : {}),
    unit,
    symbol,
    label,
    decimals,
    possible: { min: possible[0], max: possible[1] },
    ...(expected ? { expected: { min: expected[0], max: expected[1] } } : {}),
  };
}

/** Every measurement kind: LOINC, UCUM, labels, decimals, possible and expected ranges. */
export const VITALS: Readonly<Record<VitalKind, VitalDefinition>> = {
  systolic: vital('systolic', '8480-6', 'mm[Hg]', 'mmHg', { it: 'Pressione sistolica', en: 'Systolic pressure' }, 0, [40, 300], [90, 139]),
  diastolic: vital('diastolic', '8462-4', 'mm[Hg]', 'mmHg', { it: 'Pressione diastolica', en: 'Diastolic pressure' }, 0, [20, 200], [60, 89]),
  'mean-arterial-pressure': vital(
    'mean-arterial-pressure', '8478-0', 'mm[Hg]', 'mmHg', { it: 'Pressione arteriosa media', en: 'Mean arterial pressure' }, 0, [20, 250], [65, 110],
  ),
  'heart-rate': vital('heart-rate', '8867-4', '/min', 'bpm', { it: 'Frequenza cardiaca', en: 'Heart rate' }, 0, [20, 300], [50, 100]),
  // 59408-5 "by pulse oximetry" is what a home oximeter measures; FHIR vital-signs
  // profiles also want the generic 2708-6, added on export.
  spo2: vital('spo2', '59408-5', '%', '%', { it: 'Saturazione di ossigeno (SpO₂)', en: 'Oxygen saturation (SpO₂)' }, 0, [50, 100], [94, 100], ['2708-6']),
  'body-temperature': vital('body-temperature', '8310-5', 'Cel', '°C', { it: 'Temperatura corporea', en: 'Body temperature' }, 1, [30, 45], [35.5, 37.5]),
  'respiratory-rate': vital('respiratory-rate', '9279-1', '/min', '/min', { it: 'Frequenza respiratoria', en: 'Respiratory rate' }, 0, [4, 70], [12, 20]),
  'body-weight': vital('body-weight', '29463-7', 'kg', 'kg', { it: 'Peso', en: 'Body weight' }, 1, [1, 400], [35, 150]),
  'body-height': vital('body-height', '8302-2', 'cm', 'cm', { it: 'Altezza', en: 'Body height' }, 0, [40, 250], [130, 200]),
  bmi: vital('bmi', '39156-5', 'kg/m2', 'kg/m²', { it: 'Indice di massa corporea (BMI)', en: 'Body mass index (BMI)' }, 1, [8, 100], [18.5, 29.9]),
  // 41653-7 "in capillary blood by glucometer" rather than 2339-0 "in blood": the
  // nurse's meter reads a finger prick.
  'capillary-glucose': vital(
    'capillary-glucose', '41653-7', 'mg/dL', 'mg/dL', { it: 'Glicemia capillare', en: 'Capillary blood glucose' }, 0, [10, 1000], [70, 180],
  ),
  // Expected 0–3: 4 or more is moderate pain and should be acted upon (law 38/2010).
  'pain-nrs': vital('pain-nrs', '72514-3', '{score}', '/10', { it: 'Dolore (NRS 0–10)', en: 'Pain (NRS 0–10)' }, 0, [0, 10], [0, 3]),
  // FVC: 19868-9 "by spirometry"; 19870-5 (no method) is the other code in use.
  fvc: vital('fvc', '19868-9', 'L', 'L', { it: 'Capacità vitale forzata (FVC)', en: 'Forced vital capacity (FVC)' }, 2, [0.1, 10], [1, 7]),
  fev1: vital('fev1', '20150-9', 'L', 'L', { it: 'Volume espiratorio massimo al 1° secondo (FEV1)', en: 'Forced expiratory volume in 1 s (FEV1)' }, 2, [0.1, 8], [0.8, 6]),
  // Expected ≥ 70 %: below is the fixed-ratio (GOLD) sign of obstruction.
  'fev1-fvc': vital('fev1-fvc', '19926-5', '%', '%', { it: 'Rapporto FEV1/FVC', en: 'FEV1/FVC ratio' }, 1, [10, 100], [70, 100]),
  // ⚠ 19935-6 "Maximum expiratory gas flow" (no method); 33452-4 is the same by peak flow meter. Verify before a FHIR export.
  pef: vital('pef', '19935-6', 'L/s', 'L/s', { it: 'Picco di flusso espiratorio (PEF)', en: 'Peak expiratory flow (PEF)' }, 2, [0.1, 20], [1.5, 15]),
  // ⚠ FEF25/50/75 and FEF25–75: codes of the German MII lung-function value set
  // ("Gas flow FEV 25 %" = flow once 25 % of the FVC is out: ATS FEF25, which
  // European ECCS naming calls MEF75). Verify against LOINC before export.
  fef25: vital('fef25', '65821-1', 'L/s', 'L/s', { it: 'Flusso espiratorio forzato al 25% della FVC (FEF25)', en: 'Forced expiratory flow at 25% of FVC (FEF25)' }, 2, [0.01, 20]),
  fef50: vital('fef50', '65822-9', 'L/s', 'L/s', { it: 'Flusso espiratorio forzato al 50% della FVC (FEF50)', en: 'Forced expiratory flow at 50% of FVC (FEF50)' }, 2, [0.01, 20]),
  fef75: vital('fef75', '65823-7', 'L/s', 'L/s', { it: 'Flusso espiratorio forzato al 75% della FVC (FEF75)', en: 'Forced expiratory flow at 75% of FVC (FEF75)' }, 2, [0.01, 20]),
  'fef25-75': vital(
    'fef25-75', '19927-3', 'L/s', 'L/s', { it: 'Flusso espiratorio forzato medio (FEF25–75)', en: 'Mean forced expiratory flow (FEF25–75)' }, 2, [0.01, 20],
  ),
  // Heart rate derived from an ECG trace, kept apart from the cuff's or oximeter's pulse.
  'ecg-heart-rate': vital('ecg-heart-rate', '76282-3', '/min', 'bpm', { it: 'Frequenza cardiaca da ECG', en: 'Heart rate from ECG' }, 0, [20, 300], [50, 100]),
};

/** Every measurement kind, in table order. */
export const VITAL_KINDS = Object.keys(VITALS) as VitalKind[];

const BY_LOINC: ReadonlyMap<string, VitalDefinition> = new Map(Object.values(VITALS).map((v) => [v.loinc, v]));

/** The definition whose LOINC code is `code` (to show a stored observation), or `undefined`. */
export function vitalByLoinc(code: string): VitalDefinition | undefined {
  return BY_LOINC.get(code);
}

/** Round half up to `decimals`, forgiving binary noise (37.25 → 37.3). */
function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(Number((value * scale).toPrecision(12))) / scale;
}

/** Why a value was refused. */
export type VitalProblemCode = 'not-a-number' | 'below-possible' | 'above-possible' | 'not-whole' | 'diastolic-not-below-systolic';

/** A refused value, with a message naming the measurement and the limit. */
export interface VitalProblem {
  code: VitalProblemCode;
  kind: VitalKind;
  message: { it: string; en: string };
}

/** An accepted value outside the expected range. */
export interface VitalWarning {
  code: 'below-expected' | 'above-expected';
  kind: VitalKind;
  message: { it: string; en: string };
}

/** The answer of a check: accepted (perhaps with warnings) or refused. */
export type VitalCheck = { ok: true; warnings: VitalWarning[] } | { ok: false; problem: VitalProblem };

function italian(n: number): string {
  return String(n).replace('.', ',');
}

/**
 * Check one value of a measurement kind, in the kind's unit (convert device
 * units first with `convertToVitalUnit`). Refuses NaN and ±Infinity, values
 * outside the possible range (after rounding), and a pain score that is not a
 * whole number; warns outside the expected range.
 */
export function checkVital(kind: VitalKind, value: number): VitalCheck {
  const def = VITALS[kind];
  const { it: labelIt, en: labelEn } = def.label;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return {
      ok: false,
      problem: { code: 'not-a-number', kind, message: { it: `${labelIt}: il valore non è un numero valido.`, en: `${labelEn}: the value is not a valid number.` } },
    };
  }
  if (kind === 'pain-nrs' && !Number.isInteger(value)) {
    return {
      ok: false,
      problem: { code: 'not-whole', kind, message: { it: `${labelIt}: solo numeri interi da 0 a 10.`, en: `${labelEn}: whole numbers from 0 to 10 only.` } },
    };
  }
  const stored = roundTo(value, def.decimals);
  const s = def.symbol;
  if (stored < def.possible.min || stored > def.possible.max) {
    const below = stored < def.possible.min;
    const limit = below ? def.possible.min : def.possible.max;
    return {
      ok: false,
      problem: {
        code: below ? 'below-possible' : 'above-possible',
        kind,
        message: {
          it: `${labelIt}: ${italian(stored)} ${s} è ${below ? 'sotto il minimo' : 'sopra il massimo'} possibile di ${italian(limit)} ${s}.`,
          en: `${labelEn}: ${stored} ${s} is ${below ? 'below the possible minimum' : 'above the possible maximum'} of ${limit} ${s}.`,
        },
      },
    };
  }
  const warnings: VitalWarning[] = [];
  const expected = def.expected;
  if (expected && (stored < expected.min || stored > expected.max)) {
    const below = stored < expected.min;
    const rangeIt = `${italian(expected.min)}–${italian(expected.max)} ${s}`;
    const rangeEn = `${expected.min}–${expected.max} ${s}`;
    warnings.push({
      code: below ? 'below-expected' : 'above-expected',
      kind,
      message: {
        it: `${labelIt}: ${italian(stored)} ${s} è ${below ? 'sotto' : 'sopra'} i valori attesi (${rangeIt}). Ricontrollare.`,
        en: `${labelEn}: ${stored} ${s} is ${below ? 'below' : 'above'} the expected range (${rangeEn}). Please check.`,
      },
    });
  }
  return { ok: true, warnings };
}

/**
 * Check a blood pressure pair (mm[Hg]): each value as `checkVital` does, then
 * refuses a diastolic that is not below the systolic (swapped fields, or a
 * failed reading). Warnings of both values are returned together.
 */
export function checkBloodPressure(systolic: number, diastolic: number): VitalCheck {
  const sys = checkVital('systolic', systolic);
  if (!sys.ok) return sys;
  const dia = checkVital('diastolic', diastolic);
  if (!dia.ok) return dia;
  const s = roundTo(systolic, VITALS.systolic.decimals);
  const d = roundTo(diastolic, VITALS.diastolic.decimals);
  if (d >= s) {
    return {
      ok: false,
      problem: {
        code: 'diastolic-not-below-systolic',
        kind: 'diastolic',
        message: {
          it: `Pressione diastolica: ${d} mmHg deve essere inferiore alla sistolica (${s} mmHg).`,
          en: `Diastolic pressure: ${d} mmHg must be lower than the systolic (${s} mmHg).`,
        },
      },
    };
  }
  return { ok: true, warnings: [...sys.warnings, ...dia.warnings] };
}

/** The coded fields of one observation. */
export interface ObservationFields {
  code: string;
  value: number;
  unit: string;
}

/**
 * The `code`, `value` (rounded to the kind's decimals) and `unit` of an
 * observation of `kind`. Throws `RangeError` with the English message when
 * `checkVital` refuses the value: check first to show the user why.
 */
export function toObservationFields(kind: VitalKind, value: number): ObservationFields {
  const check = checkVital(kind, value);
  if (!check.ok) throw new RangeError(check.problem.message.en);
  const def = VITALS[kind];
  return { code: def.loinc, value: roundTo(value, def.decimals), unit: def.unit };
}

/**
 * The blood-pressure panel observation (85354-9) with systolic and diastolic
 * components, and mean arterial pressure when given. Throws `RangeError` with
 * the English message when `checkBloodPressure` (or the MAP check) refuses.
 */
export function bloodPressurePanel(systolic: number, diastolic: number, meanArterialPressure?: number): { code: string; components: ObservationFields[] } {
  const check = checkBloodPressure(systolic, diastolic);
  if (!check.ok) throw new RangeError(check.problem.message.en);
  const components = [toObservationFields('systolic', systolic), toObservationFields('diastolic', diastolic)];
  if (meanArterialPressure !== undefined) components.push(toObservationFields('mean-arterial-pressure', meanArterialPressure));
  return { code: BLOOD_PRESSURE_PANEL_LOINC, components };
}

/** Millimetres of mercury per kilopascal (1 mmHg = 133.322387415 Pa). */
const MMHG_PER_KPA = 1000 / 133.322387415;
/** mg/dL per mmol/L of glucose (molar mass 180.156 g/mol). */
const GLUCOSE_MGDL_PER_MMOLL = 18.0156;

/** kPa → mm[Hg] (blood-pressure cuffs with the kPa flag). */
export function kPaToMmHg(kPa: number): number {
  return kPa * MMHG_PER_KPA;
}

/** mm[Hg] → kPa. */
export function mmHgToKPa(mmHg: number): number {
  return mmHg / MMHG_PER_KPA;
}

/** °F → °C (thermometers with the Fahrenheit flag). */
export function fahrenheitToCelsius(fahrenheit: number): number {
  return ((fahrenheit - 32) * 5) / 9;
}

/** Pounds (avoirdupois) → kilograms (scales with the imperial flag). */
export function poundsToKilograms(pounds: number): number {
  return pounds * 0.45359237;
}

/** Blood glucose mmol/L → mg/dL. */
export function glucoseMmolPerLToMgPerDl(mmolPerL: number): number {
  return mmolPerL * GLUCOSE_MGDL_PER_MMOLL;
}

/** Common spellings of units, turned into UCUM. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  mmHg: 'mm[Hg]',
  '°C': 'Cel',
  '°F': '[degF]',
  lb: '[lb_av]',
  in: '[in_i]',
  bpm: '/min',
  'mg/dl': 'mg/dL',
  'mmol/l': 'mmol/L',
  l: 'L',
  'l/s': 'L/s',
  'l/min': 'L/min',
};

/** Factor-or-function conversions into each stored unit, keyed by the device's UCUM unit. */
const CONVERSIONS: Readonly<Record<string, Readonly<Record<string, (value: number) => number>>>> = {
  'mm[Hg]': { kPa: kPaToMmHg },
  Cel: { '[degF]': fahrenheitToCelsius },
  kg: { '[lb_av]': poundsToKilograms, g: (v) => v / 1000 },
  cm: { '[in_i]': (v) => v * 2.54, m: (v) => v * 100, mm: (v) => v / 10 },
  'mg/dL': {
    'mmol/L': glucoseMmolPerLToMgPerDl,
    // The Bluetooth Glucose profile reports kg/L or mol/L (flag bit 2).
    'kg/L': (v) => v * 1e5,
    'mol/L': (v) => glucoseMmolPerLToMgPerDl(v * 1000),
  },
  L: { cL: (v) => v / 100, mL: (v) => v / 1000 },
  'L/s': { 'L/min': (v) => v / 60, 'cL/s': (v) => v / 100 },
  // A ratio reported as a fraction (0.78) into per cent.
  '%': { '1': (v) => v * 100 },
};

/**
 * Convert a value a device (or a person) gives in `unit` into the unit stored
 * for `kind`: kPa → mm[Hg], [degF] → Cel, [lb_av] → kg, mmol/L (and the BLE
 * Glucose kg/L, mol/L) → mg/dL, [in_i]/m → cm, cL → L, L/min → L/s, fraction → %.
 * The value is not rounded or checked: pass the result to `checkVital`.
 * Throws `RangeError` for a unit that does not measure that kind.
 */
export function convertToVitalUnit(kind: VitalKind, value: number, unit: string): number {
  const target = VITALS[kind].unit;
  const from = UNIT_ALIASES[unit] ?? unit;
  if (from === target) return value;
  const convert = CONVERSIONS[target]?.[from];
  if (!convert) throw new RangeError(`${VITALS[kind].label.en}: cannot convert from "${unit}" to ${target}`);
  return convert(value);
}
