/**
 * A device measurement as the observations stored for it, with the domain's
 * vital table (LOINC, UCUM, decimals, possible and expected ranges): a value
 * read over Bluetooth is coded and checked exactly as one typed in.
 *
 *   blood pressure   one panel 85354-9 (8480-6, 8462-4, MAP 8478-0 when sent)
 *                    + heart rate 8867-4 when the cuff gives the pulse
 *   pulse oximeter   SpO2 59408-5 + heart rate 8867-4
 *   thermometer      body temperature 8310-5 (°F converted)
 *   heart-rate band  heart rate 8867-4
 *   scale            body weight 29463-7 (+ BMI 39156-5 when sent; the height a
 *                    scale reports is a setting typed into it, not a measurement)
 *   glucose meter    one capillary glucose 41653-7 per stored record
 *   multiparameter   the reading taken: pressure, SpO2 or temperature, as above
 *   ECG              ONE observation coded 76282-3 "Heart rate by EKG" (the
 *                    vital table's `ecg-heart-rate`), value = heart rate derived
 *                    from the strip, in /min, the strip in `waveform`. Chosen over
 *                    11524-6 "EKG study" because the value is then checked by the
 *                    same document rule on both sides, and the trends, the latest
 *                    values and the visit report show it with no change. A strip
 *                    from which no rate can be derived (fewer than two beats: the
 *                    electrodes were off) is refused, not stored without a value.
 *   spirometer       ONE panel 81458-2 "Pulmonary function test panel" (⚠ verify
 *                    against LOINC before a FHIR export) whose components are the
 *                    indices FVC, FEV1, FEV1/FVC, PEF, FEF25, FEF50 (when sent),
 *                    FEF75 and FEF25–75, each with the table's code and unit: one
 *                    manoeuvre is one result, and the indices only mean something
 *                    together. The panel has no value of its own.
 *
 * Any value the table calls impossible refuses the WHOLE measurement with the
 * domain's sentence: nothing of it is stored (a glucose record is a
 * measurement of its own: an impossible one is left out with a note). Values
 * outside the expected range are kept and returned as warnings.
 *
 * Ids come from `observation-ids.ts` (device key + sequence, device time or
 * end of measurement + kind), so the same reading maps to the same ids.
 * The device's notification bytes go, base64, into `raw` of the first
 * observation of the reading (the panel, SpO2, …), not repeated on the pulse.
 */
import {
  bloodPressurePanel,
  checkBloodPressure,
  checkVital,
  convertToVitalUnit,
  toObservationFields,
  VITALS,
  type ObservationDoc,
  type PatientDoc,
  type VitalKind,
  type VitalWarning,
  SPIROMETRY_PANEL_LOINC,
} from '@prossima/domain';
import type { GlucoseRecord, Measurement, RawNotification } from '@prossima/device-bridge';
import { deviceKey, deviceObservationId, readingMarker, type ReadingIdentity } from './observation-ids';
import { ecgObservationFields, type EcgFields } from './ecg-observation';

/** A sentence in both languages. */
export interface Bilingual {
  it: string;
  en: string;
}

/** Who the measurement is for, who records it, and when it is written. */
export interface MeasurementOwner {
  patient: Pick<PatientDoc, 'id' | 'districtId'>;
  visitId?: string;
  userId: string;
  /** When the observations are written (`updatedAt`). */
  now: Date;
}

/** The device as stored in `source`. */
export interface DeviceSource {
  /** The browser's Bluetooth id (or the simulator's address): the key of the observation ids. */
  bluetoothId: string;
  /** `source.deviceId`: the DeviceDoc id when the device is paired, else `ble-<key>`. */
  deviceId: string;
  /** `source.model` ("Simulatore …" for the training mode's devices). */
  model: string;
}

/** What a measurement maps to. */
export type MeasurementMapping =
  | {
      ok: true;
      observations: ObservationDoc[];
      /** Values kept but outside their expected range. */
      warnings: VitalWarning[];
      /** What the device reported beside the values, and what was left out and why. */
      notes: Bilingual[];
    }
  | { ok: false; problem: Bilingual };


/** `source.model` is at most this long (observation schema). */
const MODEL_LENGTH = 80;
/** A glucose meter's clock may run a little ahead of the tablet's. */
const CLOCK_AHEAD_TOLERANCE_MS = 5 * 60_000;

/** A reading that cannot be stored: the sentence says why. */
class RefusedReading extends Error {
  override readonly name = 'RefusedReading';
  constructor(readonly problem: Bilingual) {
    super(problem.en);
  }
}

/** Collects the observations, warnings and notes of one measurement. */
class ObservationBuilder {
  readonly observations: ObservationDoc[] = [];
  readonly warnings: VitalWarning[] = [];
  readonly notes: Bilingual[] = [];
  private readonly key: string;

  constructor(
    readonly device: DeviceSource,
    readonly owner: MeasurementOwner,
  ) {
    this.key = deviceKey(device.bluetoothId);
  }

  /** The value of `kind` in its stored unit, checked: an impossible one refuses the reading. */
  value(kind: VitalKind, value: number, unit: string = VITALS[kind].unit): number {
    let converted: number;
    try {
      converted = convertToVitalUnit(kind, value, unit);
    } catch (error) {
      // convertToVitalUnit throws RangeError for a unit that does not measure the kind.
      if (!(error instanceof RangeError)) throw error;
      const label = VITALS[kind].label;
      throw new RefusedReading({
        it: `${label.it}: il dispositivo usa l’unità “${unit}”, che Prossima non sa convertire. Nessun dato salvato.`,
        en: `${label.en}: the device uses the unit “${unit}”, which Prossima cannot convert. Nothing was saved.`,
      });
    }
    const check = checkVital(kind, converted);
    if (!check.ok) throw new RefusedReading(check.problem.message);
    this.warnings.push(...check.warnings);
    return converted;
  }

  /** The fields every observation of this reading shares. */
  base(reading: ReadingIdentity, kind: string, effectiveAt: string, raw?: readonly RawNotification[]): ObservationDoc {
    const { patient, visitId, userId, now } = this.owner;
    const sequence = reading.deviceSequenceNumber;
    return {
      id: deviceObservationId(this.key, readingMarker(reading), kind),
      districtId: patient.districtId,
      patientId: patient.id,
      ...(visitId ? { visitId } : {}),
      code: '',
      effectiveAt,
      source: {
        kind: 'device',
        deviceId: this.device.deviceId,
        model: this.device.model.slice(0, MODEL_LENGTH),
        ...(sequence !== undefined && Number.isInteger(sequence) && sequence >= 0 && sequence <= 0xffffffff ? { sequence } : {}),
      },
      ...(raw && raw.length > 0 ? { raw: raw.map((n) => hexToBase64(n.hex)) } : {}),
      updatedAt: now.toISOString(),
      updatedBy: userId,
    };
  }

  /** One observation of a single checked value. */
  single(reading: ReadingIdentity, kind: VitalKind, value: number, effectiveAt: string, raw?: readonly RawNotification[]): void {
    this.observations.push({ ...this.base(reading, kind, effectiveAt, raw), ...toObservationFields(kind, value) });
  }

  /** The blood-pressure panel (and the pulse), checked as a pair. */
  bloodPressure(
    reading: ReadingIdentity,
    values: { systolic: number; diastolic: number; meanArterialPressure?: number; unit: string; pulseRate?: number },
    effectiveAt: string,
    raw: readonly RawNotification[],
  ): void {
    const systolic = convertPressure('systolic', values.systolic, values.unit);
    const diastolic = convertPressure('diastolic', values.diastolic, values.unit);
    const pair = checkBloodPressure(systolic, diastolic);
    if (!pair.ok) throw new RefusedReading(pair.problem.message);
    this.warnings.push(...pair.warnings);
    const map = values.meanArterialPressure === undefined ? undefined : this.value('mean-arterial-pressure', values.meanArterialPressure, values.unit);
    const pulse = values.pulseRate === undefined ? undefined : this.value('heart-rate', values.pulseRate, '/min');
    this.observations.push({ ...this.base(reading, 'blood-pressure', effectiveAt, raw), ...bloodPressurePanel(systolic, diastolic, map) });
    if (pulse !== undefined) this.single(reading, 'heart-rate', pulse, effectiveAt);
  }

  note(note: Bilingual): void {
    this.notes.push(note);
  }
}

function convertPressure(kind: 'systolic' | 'diastolic', value: number, unit: string): number {
  try {
    return convertToVitalUnit(kind, value, unit);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new RefusedReading({
      it: `Pressione arteriosa: il dispositivo usa l’unità “${unit}”, che Prossima non sa convertire. Nessun dato salvato.`,
      en: `Blood pressure: the device uses the unit “${unit}”, which Prossima cannot convert. Nothing was saved.`,
    });
  }
}

/** Lower-case hex → base64 (the `raw` field's form). */
export function hexToBase64(hex: string): string {
  let binary = '';
  for (let i = 0; i + 1 < hex.length; i += 2) binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(binary);
}

/** An instant as the schema stores it (milliseconds and `Z`). */
function instant(iso: string): string {
  return new Date(iso).toISOString();
}

/**
 * The observations of `measurement` for `owner.patient`, read with `device`;
 * `{ ok: false }` with the sentence to show when a value cannot be real.
 */
export function measurementObservations(measurement: Measurement, device: DeviceSource, owner: MeasurementOwner): MeasurementMapping {
  const build = new ObservationBuilder(device, owner);
  try {
    mapMeasurement(measurement, build);
  } catch (error) {
    if (error instanceof RefusedReading) return { ok: false, problem: error.problem };
    throw error;
  }
  if (build.observations.length === 0) {
    return {
      ok: false,
      problem: { it: 'Il dispositivo non ha inviato nessuna nuova misura da salvare.', en: 'The device sent no new reading to save.' },
    };
  }
  return { ok: true, observations: build.observations, warnings: build.warnings, notes: build.notes };
}

function mapMeasurement(m: Measurement, build: ObservationBuilder): void {
  const at = instant(m.receivedAt);
  switch (m.family) {
    case 'blood-pressure': {
      const r = m.reading;
      const status = r.status;
      if (status?.irregularPulse) build.note({ it: 'Il misuratore segnala un polso irregolare.', en: 'The monitor reports an irregular pulse.' });
      if (status?.bodyMovement) build.note({ it: 'Il misuratore segnala movimenti durante la misura.', en: 'The monitor reports movement during the measurement.' });
      if (status?.cuffTooLoose) build.note({ it: 'Il misuratore segnala il bracciale troppo largo.', en: 'The monitor reports the cuff too loose.' });
      build.bloodPressure(m, { ...r, unit: r.unit }, at, m.notifications);
      return;
    }
    case 'pulse-oximeter': {
      const status = m.reading.measurementStatus;
      if (status?.invalidMeasurement || status?.measurementUnavailable) {
        throw new RefusedReading({
          it: 'Il saturimetro segnala una misura non valida: riposiziona il sensore sul dito e ripeti. Nessun dato salvato.',
          en: 'The oximeter reports an invalid reading: put the sensor back on the finger and measure again. Nothing was saved.',
        });
      }
      if (status?.questionableMeasurement || m.reading.deviceAndSensorStatus?.lowPerfusion) {
        build.note({ it: 'Il saturimetro segnala un segnale debole: valuta di ripetere la misura.', en: 'The oximeter reports a weak signal: consider measuring again.' });
      }
      const spo2 = build.value('spo2', m.reading.spo2, '%');
      const pulse = build.value('heart-rate', m.reading.pulseRate, '/min');
      build.single(m, 'spo2', spo2, at, m.notifications);
      build.single(m, 'heart-rate', pulse, at);
      return;
    }
    case 'thermometer':
      build.single(m, 'body-temperature', build.value('body-temperature', m.reading.temperature, m.reading.unit), at, m.notifications);
      return;
    case 'heart-rate':
      build.single(m, 'heart-rate', build.value('heart-rate', m.reading.heartRate, '/min'), at, m.notifications);
      return;
    case 'weight': {
      const weight = build.value('body-weight', m.reading.weight, m.reading.weightUnit);
      const bmi = m.reading.bmi === undefined ? undefined : build.value('bmi', m.reading.bmi, 'kg/m2');
      build.single(m, 'body-weight', weight, at, m.notifications);
      if (bmi !== undefined) build.single(m, 'bmi', bmi, at);
      return;
    }
    case 'glucose':
      for (const record of m.records) glucoseRecord(m, record, build);
      return;
    case 'multiparameter': {
      const r = m.reading;
      if (r.kind === 'nibp-result') {
        if (r.irregularPulse) build.note({ it: 'Il monitor segnala un polso irregolare.', en: 'The monitor reports an irregular pulse.' });
        build.bloodPressure(m, r, at, m.notifications);
      } else if (r.kind === 'spo2') {
        const spo2 = build.value('spo2', r.spo2Percent, '%');
        const pulse = build.value('heart-rate', r.pulseRate, '/min');
        build.single(m, 'spo2', spo2, at, m.notifications);
        build.single(m, 'heart-rate', pulse, at);
      } else {
        build.single(m, 'body-temperature', build.value('body-temperature', r.celsius, 'Cel'), at, m.notifications);
      }
      return;
    }
    case 'ecg':
      ecg(m, build, at);
      return;
    case 'spirometer':
      spirometry(m, build, at);
      return;
  }
}

function ecg(m: Extract<Measurement, { family: 'ecg' }>, build: ObservationBuilder, at: string): void {
  const bpm = m.heartRate.bpm;
  if (bpm === null) {
    throw new RefusedReading({
      it: 'Dal tracciato non si ricava la frequenza cardiaca (meno di due battiti riconosciuti): controlla il contatto degli elettrodi e registra di nuovo. Nessun dato salvato.',
      en: 'No heart rate can be derived from the strip (fewer than two beats found): check the electrodes’ contact and record again. Nothing was saved.',
    });
  }
  const rate = build.value('ecg-heart-rate', bpm, '/min');
  const doc = { ...build.base(m, 'ecg', at, m.notifications), ...toObservationFields('ecg-heart-rate', rate) };
  const fields: EcgFields = ecgObservationFields(doc, m.strip);
  if (!fields.ok) throw new RefusedReading(fields.problem);
  if (fields.rawDropped) {
    build.note({
      it: 'Il tracciato è salvato senza i byte grezzi del dispositivo, per stare nel limite di 1 MB per misura.',
      en: 'The strip is saved without the device’s raw bytes, to stay within the 1 MB limit of a reading.',
    });
  }
  build.observations.push(fields.doc);
}

/** The spirometry indices, in the order the panel lists them. */
export const SPIROMETRY_INDICES = [
  ['fvc', 'fvcL'],
  ['fev1', 'fev1L'],
  ['fev1-fvc', 'fev1FvcPercent'],
  ['pef', 'pefLps'],
  ['fef25', 'fef25Lps'],
  ['fef50', 'fef50Lps'],
  ['fef75', 'fef75Lps'],
  ['fef25-75', 'fef2575Lps'],
] as const satisfies readonly (readonly [VitalKind, string])[];

function spirometry(m: Extract<Measurement, { family: 'spirometer' }>, build: ObservationBuilder, at: string): void {
  const components = SPIROMETRY_INDICES.flatMap(([kind, field]) => {
    const value = m.result[field];
    if (value === undefined) return [];
    return [toObservationFields(kind, build.value(kind, value))];
  });
  if (m.result.quality) build.note({ it: `Qualità della manovra secondo lo spirometro: ${m.result.quality}.`, en: `Manoeuvre quality according to the spirometer: ${m.result.quality}.` });
  build.observations.push({ ...build.base(m, 'spirometry', at, m.notifications), code: SPIROMETRY_PANEL_LOINC, components });
}

const GLUCOSE_CHARACTERISTICS = new Set(['00002a18-0000-1000-8000-00805f9b34fb', '00002a34-0000-1000-8000-00805f9b34fb']);

function glucoseRecord(m: Extract<Measurement, { family: 'glucose' }>, record: GlucoseRecord, build: ObservationBuilder): void {
  const reading = record.measurement;
  const sequence = reading.sequenceNumber;
  const concentration = reading.concentration;
  const status = reading.sensorStatus;
  const fault = status && Object.entries(status).some(([flag, on]) => on && flag !== 'batteryLow' && flag !== 'timeFault');
  if (!concentration || fault || concentration.sampleType === 'control-solution') {
    const why = !concentration || fault ? { it: 'il glucometro segnala un errore', en: 'the meter reports an error' } : { it: 'è una soluzione di controllo', en: 'it is a control solution' };
    build.note({ it: `Misura n. ${sequence} del glucometro non salvata: ${why.it}.`, en: `Meter record #${sequence} not saved: ${why.en}.` });
    return;
  }
  let value: number;
  try {
    value = build.value('capillary-glucose', concentration.value, concentration.unit);
  } catch (error) {
    // A stored record is a measurement of its own: an impossible one is left out, the others are kept.
    if (!(error instanceof RefusedReading)) throw error;
    build.note({ it: `Misura n. ${sequence} del glucometro non salvata: ${error.problem.it}`, en: `Meter record #${sequence} not saved: ${error.problem.en}` });
    return;
  }
  const identity: ReadingIdentity = { deviceSequenceNumber: sequence, receivedAt: m.receivedAt };
  // Only the bytes of this record (measurement and context carry its sequence number in bytes 1–2).
  const raw = m.notifications.filter((n) => GLUCOSE_CHARACTERISTICS.has(n.characteristic) && parseInt(n.hex.slice(4, 6) + n.hex.slice(2, 4), 16) === sequence);
  build.single(identity, 'capillary-glucose', value, glucoseInstant(reading.time, m.receivedAt), raw);
}

/** A stored glucose record happened when the meter says (its local clock), unless the clock is unset or ahead of ours. */
function glucoseInstant(time: GlucoseRecord['measurement']['time'], receivedAt: string): string {
  if (time.kind !== 'known') return instant(receivedAt);
  const local = new Date(time.local);
  if (!Number.isFinite(local.getTime()) || local.getTime() > Date.parse(receivedAt) + CLOCK_AHEAD_TOLERANCE_MS) return instant(receivedAt);
  return local.toISOString();
}
