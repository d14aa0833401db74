import {
  simulatedBloodPressureMonitor,
  simulatedGlucoseMeter,
  simulatedPc300,
  simulatedPolarH10,
  simulatedPulseOximeter,
  simulatedScale,
  simulatedSp80b,
  simulatedThermometer,
  type BloodPressureMeasurement,
  type EcgMeasurement,
  type Measurement,
  type SpirometerMeasurement,
  type ThermometerMeasurement,
} from '@prossima/device-bridge';
import { SPIROMETRY_PANEL_LOINC, DOCUMENT_ID_PATTERN, documentRuleProblem, type ObservationDoc } from '@prossima/domain';
import { eightLeadMeasurement, measureSimulated, OWNER, RECEIVED_AT, deviceSource } from './devices-test-data';
import { documentBytes, stripOf } from './ecg-observation';
import { measurementObservations, type MeasurementMapping } from './measurement-observations';

const ID = new RegExp(DOCUMENT_ID_PATTERN);

function accepted(mapping: MeasurementMapping): ObservationDoc[] {
  if (!mapping.ok) throw new Error(`refused: ${mapping.problem.en}`);
  for (const doc of mapping.observations) {
    expect(doc.id).toMatch(ID);
    expect(documentRuleProblem('observations', { ...doc, _id: doc.id })).toBeNull();
  }
  return mapping.observations;
}

function refusal(mapping: MeasurementMapping): string {
  if (mapping.ok) throw new Error('accepted');
  return mapping.problem.it;
}

const base64ToHex = (text: string) => Array.from(atob(text), (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');

describe('measurementObservations', () => {
  describe('blood pressure', () => {
    it('when the cuff sends 128/82 with pulse 72, then one panel with systolic, diastolic and MAP and one heart rate are made, with the raw bytes on the panel', async () => {
      const m = await measureSimulated(simulatedBloodPressureMonitor());
      const [panel, pulse, ...rest] = accepted(measurementObservations(m, deviceSource(), OWNER));
      expect(rest).toEqual([]);
      expect(panel).toMatchObject({
        code: '85354-9',
        components: [
          { code: '8480-6', value: 128, unit: 'mm[Hg]' },
          { code: '8462-4', value: 82, unit: 'mm[Hg]' },
          { code: '8478-0', value: 97, unit: 'mm[Hg]' },
        ],
        patientId: 'p-mario',
        districtId: 'd-roma1',
        visitId: 'v-1',
        effectiveAt: RECEIVED_AT,
        source: { kind: 'device', deviceId: 'dev-u-anna-kit', model: 'BPM-1' },
        updatedAt: '2025-11-22T09:31:00.000Z',
        updatedBy: 'u-anna',
      });
      expect(panel.raw).toHaveLength(m.notifications.length);
      expect(panel.raw!.map(base64ToHex)).toEqual(m.notifications.map((n) => n.hex));
      expect(pulse).toMatchObject({ code: '8867-4', value: 72, unit: '/min', effectiveAt: RECEIVED_AT });
      expect(pulse.raw).toBeUndefined();
      // The device time (2025-06-01 09:30:00) tells this reading from others.
      expect(panel.id).toMatch(/^obs-dev-[0-9a-f]{16}-t20250601t093000-blood-pressure$/);
      expect(pulse.id).toBe(panel.id.replace(/blood-pressure$/, 'heart-rate'));
    });

    it('when the same reading is mapped again later, then the ids are the same (a duplicate), and another reading of the device gets other ids', async () => {
      const m = await measureSimulated(simulatedBloodPressureMonitor());
      const first = accepted(measurementObservations(m, deviceSource(), OWNER)).map((d) => d.id);
      const again = accepted(measurementObservations(m, deviceSource(), { ...OWNER, now: new Date('2025-11-22T10:00:00.000Z') })).map((d) => d.id);
      expect(again).toEqual(first);
      const later = await measureSimulated(simulatedBloodPressureMonitor({ time: '2025-06-01T10:15:00' }));
      const other = accepted(measurementObservations(later, deviceSource(), OWNER)).map((d) => d.id);
      expect(other.some((id) => first.includes(id))).toBe(false);
      const otherDevice = accepted(measurementObservations(m, deviceSource('C0:FF:EE:00:00:99'), OWNER)).map((d) => d.id);
      expect(otherDevice.some((id) => first.includes(id))).toBe(false);
    });

    it('when the cuff sends an impossible systolic of 350 mmHg, then nothing is made and the domain sentence says why', async () => {
      const m = await measureSimulated(simulatedBloodPressureMonitor({ systolic: 350, diastolic: 90 }));
      expect(refusal(measurementObservations(m, deviceSource(), OWNER))).toBe('Pressione sistolica: 350 mmHg è sopra il massimo possibile di 300 mmHg.');
    });

    it('when the diastolic is not below the systolic, then the reading is refused', async () => {
      const m = await measureSimulated(simulatedBloodPressureMonitor({ systolic: 90, diastolic: 95 }));
      expect(refusal(measurementObservations(m, deviceSource(), OWNER))).toContain('deve essere inferiore alla sistolica');
    });

    it('when the cuff reports kPa, then the values are converted to mmHg, and a high value is a warning, not a refusal', async () => {
      const m = (await measureSimulated(simulatedBloodPressureMonitor())) as BloodPressureMeasurement;
      const kPa = { ...m, reading: { ...m.reading, systolic: 20, diastolic: 12, meanArterialPressure: 14.7, unit: 'kPa' as const } };
      const mapping = measurementObservations(kPa, deviceSource(), OWNER);
      const [panel] = accepted(mapping);
      expect(panel.components?.map((c) => c.value)).toEqual([150, 90, 110]);
      expect(mapping.ok && mapping.warnings.map((w) => w.kind)).toEqual(['systolic', 'diastolic']);
    });

    it('when the cuff flags an irregular pulse, then a note says so', async () => {
      const m = (await measureSimulated(simulatedBloodPressureMonitor())) as BloodPressureMeasurement;
      const status = { bodyMovement: false, cuffTooLoose: false, irregularPulse: true, pulseRange: 'in-range' as const, improperPosition: false };
      const mapping = measurementObservations({ ...m, reading: { ...m.reading, status } }, deviceSource(), OWNER);
      expect(mapping.ok && mapping.notes.map((n) => n.it)).toEqual(['Il misuratore segnala un polso irregolare.']);
    });
  });

  describe('pulse oximeter', () => {
    it('when the oximeter settles on 97 % and 70 /min, then SpO2 (with the raw bytes) and heart rate are made, without the device time', async () => {
      const m = await measureSimulated(simulatedPulseOximeter());
      const [spo2, pulse] = accepted(measurementObservations(m, deviceSource('C0:FF:EE:00:00:03', 'OX-1'), OWNER));
      expect(spo2).toMatchObject({ code: '59408-5', value: 97, unit: '%' });
      expect(spo2.raw?.length).toBe(m.notifications.length);
      expect(pulse).toMatchObject({ code: '8867-4', value: 70, unit: '/min' });
      // No time stamp and no sequence: the end of the measurement marks the reading.
      expect(spo2.id).toMatch(new RegExp(`-r${Date.parse(RECEIVED_AT)}-spo2$`));
    });

    it('when the saturation is 91 %, then it is kept with a warning below the expected range', async () => {
      const mapping = measurementObservations(await measureSimulated(simulatedPulseOximeter({ spo2: 91 })), deviceSource(), OWNER);
      accepted(mapping);
      expect(mapping.ok && mapping.warnings.map((w) => w.message.it)).toEqual(['Saturazione di ossigeno (SpO₂): 91 % è sotto i valori attesi (94–100 %). Ricontrollare.']);
    });

    it('when the oximeter flags the measurement invalid, then it is refused', async () => {
      const m = await measureSimulated(simulatedPulseOximeter());
      if (m.family !== 'pulse-oximeter') throw new Error(m.family);
      const invalid = { ...m, reading: { ...m.reading, measurementStatus: { ...m.reading.measurementStatus!, invalidMeasurement: true } } };
      expect(refusal(measurementObservations(invalid, deviceSource(), OWNER))).toContain('misura non valida');
    });
  });

  describe('thermometer', () => {
    it('when the thermometer sends 36.8 °C, then one body temperature is made', async () => {
      const [doc] = accepted(measurementObservations(await measureSimulated(simulatedThermometer()), deviceSource(), OWNER));
      expect(doc).toMatchObject({ code: '8310-5', value: 36.8, unit: 'Cel' });
    });

    it('when it reports Fahrenheit, then the value is stored in Celsius; when it reports 46 °C, then the reading is refused', async () => {
      const m = (await measureSimulated(simulatedThermometer())) as ThermometerMeasurement;
      const [doc] = accepted(measurementObservations({ ...m, reading: { ...m.reading, temperature: 98.6, unit: '[degF]' } }, deviceSource(), OWNER));
      expect(doc.value).toBe(37);
      const hot = { ...m, reading: { ...m.reading, temperature: 46 } };
      expect(refusal(measurementObservations(hot, deviceSource(), OWNER))).toBe('Temperatura corporea: 46 °C è sopra il massimo possibile di 45 °C.');
    });
  });

  describe('scale and glucose meter', () => {
    it('when the scale sends 72.4 kg with a BMI, then weight and BMI are made (the height typed into the scale is not)', async () => {
      const docs = accepted(measurementObservations(await measureSimulated(simulatedScale()), deviceSource(), OWNER));
      expect(docs.map((d) => [d.code, d.value, d.unit])).toEqual([
        ['29463-7', 72.4, 'kg'],
        ['39156-5', 25.1, 'kg/m2'],
      ]);
    });

    it('when the meter sends its three records, then each is one observation numbered by its sequence, at the meter’s time, with its own bytes', async () => {
      const m = await measureSimulated(simulatedGlucoseMeter());
      const docs = accepted(measurementObservations(m, deviceSource(), OWNER));
      expect(docs.map((d) => [d.value, d.source.sequence, d.effectiveAt])).toEqual([
        [95, 1, new Date('2025-06-01T07:30:00').toISOString()],
        [132, 2, new Date('2025-06-01T13:45:00').toISOString()],
        [108, 3, new Date('2025-06-02T07:40:00').toISOString()],
      ]);
      expect(docs.map((d) => d.id.replace(/^obs-dev-[0-9a-f]+-/, ''))).toEqual(['s1-capillary-glucose', 's2-capillary-glucose', 's3-capillary-glucose']);
      for (const doc of docs) expect(doc.raw!.length).toBeGreaterThanOrEqual(1);
      expect(docs.flatMap((d) => d.raw!).length).toBeLessThan(m.notifications.length);
    });

    it('when a record is a control solution or impossible, then it is left out with a note and the others are made', async () => {
      const m = await measureSimulated(simulatedGlucoseMeter());
      if (m.family !== 'glucose') throw new Error(m.family);
      const [one, two, three] = m.records;
      const records = [
        { ...one, measurement: { ...one.measurement, concentration: { ...one.measurement.concentration!, sampleType: 'control-solution' as const } } },
        { ...two, measurement: { ...two.measurement, concentration: { ...two.measurement.concentration!, value: 4 } } },
        three,
      ];
      const mapping = measurementObservations({ ...m, records }, deviceSource(), OWNER);
      expect(accepted(mapping).map((d) => d.source.sequence)).toEqual([3]);
      expect(mapping.ok && mapping.notes.map((n) => n.it)).toEqual([
        'Misura n. 1 del glucometro non salvata: è una soluzione di controllo.',
        'Misura n. 2 del glucometro non salvata: Glicemia capillare: 4 mg/dL è sotto il minimo possibile di 10 mg/dL.',
      ]);
    });

    it('when the meter has no record, then nothing is made and the sentence says so', async () => {
      const m = await measureSimulated(simulatedGlucoseMeter());
      if (m.family !== 'glucose') throw new Error(m.family);
      expect(refusal(measurementObservations({ ...m, records: [] }, deviceSource(), OWNER))).toBe('Il dispositivo non ha inviato nessuna nuova misura da salvare.');
    });
  });

  describe('multiparameter monitor', () => {
    it('when the PC-300 measures pressure, SpO2 or temperature, then the same observations as the single devices are made', async () => {
      const codes = async (parameter: 'blood-pressure' | 'spo2' | 'temperature') =>
        accepted(measurementObservations(await measureSimulated(simulatedPc300(), { parameter }), deviceSource(), OWNER)).map((d) => d.code);
      expect(await codes('blood-pressure')).toEqual(['85354-9', '8867-4']);
      expect(await codes('spo2')).toEqual(['59408-5', '8867-4']);
      expect(await codes('temperature')).toEqual(['8310-5']);
    });
  });

  describe('ECG', () => {
    it('when the Polar H10 records 30 s, then one ECG heart-rate observation carries the strip, which decodes back to the same samples', async () => {
      const m = (await measureSimulated(simulatedPolarH10(), { durationS: 30 })) as EcgMeasurement;
      const [doc, ...rest] = accepted(measurementObservations(m, deviceSource('C0:FF:EE:00:00:09', 'Polar H10'), OWNER));
      expect(rest).toEqual([]);
      expect(doc).toMatchObject({ code: '76282-3', value: 72, unit: '/min' });
      expect(doc.waveform).toMatchObject({ sampleRateHz: 130, unit: 'uV', scale: 1 });
      expect(doc.waveform!.leads.map((l) => l.lead)).toEqual(['I']);
      expect(doc.raw).toHaveLength(m.notifications.length);
      const back = stripOf(doc.waveform!);
      expect(Array.from(back.leads.I!)).toEqual((m.strip.leads.I as number[]).map((v) => Math.round(v)));
      expect(back.leads.I).toHaveLength(30 * 130);
      // The strap stamps its frames: the device time marks the reading.
      expect(doc.id).toMatch(/-t20250601t093000000z-ecg$/);
      const perMinute = documentBytes(doc) * 2;
      console.log(`ECG storage, Polar H10 (1 lead, 130 Hz): ${documentBytes(doc)} bytes for 30 s = ${perMinute} bytes per minute`);
      expect(perMinute).toBeLessThan(80_000);
    });

    it('when an 8-lead recorder gives 12 leads, then only the 8 measured are stored and the 4 limb leads are computed again when read', () => {
      const m = eightLeadMeasurement(500, 10);
      const [doc] = accepted(measurementObservations(m, deviceSource(), OWNER));
      expect(doc.waveform!.leads.map((l) => l.lead)).toEqual(['I', 'II', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
      const back = stripOf(doc.waveform!);
      expect(Object.keys(back.leads).sort()).toEqual(['I', 'II', 'III', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'aVF', 'aVL', 'aVR']);
      for (const lead of ['III', 'aVR', 'aVL', 'aVF'] as const) {
        const original = m.strip.leads[lead] as number[];
        expect(Array.from(back.leads[lead]!).every((v, i) => Math.abs(v - original[i]) <= 1)).toBe(true);
      }
    });

    it('when an 8-lead 500 Hz strip lasts 30 s, then it is stored with its raw bytes; at 60 s the raw bytes are left out to stay under 1 MB; at 120 s it is refused', () => {
      const thirty = measurementObservations(eightLeadMeasurement(500, 30), deviceSource(), OWNER);
      const [doc30] = accepted(thirty);
      expect(doc30.raw?.length).toBe(1000);
      console.log(`ECG storage, 8 leads at 500 Hz: ${documentBytes(doc30)} bytes for 30 s with raw bytes = ${documentBytes(doc30) * 2} bytes per minute`);
      const sixty = measurementObservations(eightLeadMeasurement(500, 60), deviceSource(), OWNER);
      const [doc60] = accepted(sixty);
      expect(doc60.raw).toBeUndefined();
      expect(sixty.ok && sixty.notes[0].it).toContain('senza i byte grezzi');
      expect(documentBytes(doc60)).toBeLessThan(1024 * 1024);
      console.log(`ECG storage, 8 leads at 500 Hz: ${documentBytes(doc60)} bytes per minute (waveform only)`);
      expect(refusal(measurementObservations(eightLeadMeasurement(500, 120), deviceSource(), OWNER))).toContain('troppo lungo');
    });

    it('when no heart rate can be derived from the strip, then it is refused and nothing is made', async () => {
      const m = (await measureSimulated(simulatedPolarH10(), { durationS: 5 })) as EcgMeasurement;
      const flat = { ...m, heartRate: { bpm: null, rrIntervalsMs: [], rPeakIndices: [] } };
      expect(refusal(measurementObservations(flat, deviceSource(), OWNER))).toContain('controlla il contatto degli elettrodi');
    });

    it('when a sample does not fit 16 bits, then the strip is refused', () => {
      const m = eightLeadMeasurement(250, 5);
      const spoiled = { ...m, strip: { ...m.strip, leads: { I: Array.from({ length: 1250 }, () => 40_000) } } };
      expect(refusal(measurementObservations(spoiled, deviceSource(), OWNER))).toContain('fuori scala');
    });
  });

  describe('spirometry', () => {
    it('when the SP80B sends a result, then one panel carries every index with its code and unit', async () => {
      const m = await measureSimulated(simulatedSp80b());
      const [panel, ...rest] = accepted(measurementObservations(m, deviceSource(), OWNER));
      expect(rest).toEqual([]);
      expect(panel.code).toBe(SPIROMETRY_PANEL_LOINC);
      expect(panel.value).toBeUndefined();
      const byCode = Object.fromEntries(panel.components!.map((c) => [c.code, [c.value, c.unit]]));
      expect(byCode['19868-9']).toEqual([3.2, 'L']);
      expect(byCode['20150-9']).toEqual([2.6, 'L']);
      expect(byCode['19926-5'][1]).toBe('%');
      expect(byCode['19935-6'][1]).toBe('L/s');
      expect(Object.keys(byCode)).toEqual(expect.arrayContaining(['65821-1', '65823-7', '19927-3']));
    });

    it('when an index cannot be real (FVC 12 L), then the whole result is refused', async () => {
      const m = (await measureSimulated(simulatedSp80b())) as SpirometerMeasurement;
      const wrong = { ...m, result: { ...m.result, fvcL: 12 } };
      expect(refusal(measurementObservations(wrong, deviceSource(), OWNER))).toContain('Capacità vitale forzata (FVC): 12 L è sopra il massimo possibile');
    });
  });

  it('when a measurement is made without a visit, then no visitId is stored; a training device keeps its model as given', async () => {
    const m: Measurement = await measureSimulated(simulatedThermometer());
    const [doc] = accepted(measurementObservations(m, deviceSource('C0:FF:EE:00:00:02', 'Simulatore TH-1'), { ...OWNER, visitId: undefined }));
    expect('visitId' in doc).toBe(false);
    expect(doc.source.model).toBe('Simulatore TH-1');
  });
});
