import type { InterventionFrequency, SiadNeedCode } from '@prossima/domain';

/** One intervention of a demo PAI, before its dates are set. */
export interface DemoIntervention {
  id: string;
  label: string;
  frequency: InterventionFrequency;
  /** nurse (IFeC), district-nurse, gp (medico di famiglia), physiotherapist, dietitian, caregiver. */
  responsibleRole: string;
  /** Days after the care start when the intervention ends, if it is time-limited. */
  endsAfterDays?: number;
  notes?: string;
}

/** Vital signs typical of a patient, from which the demo observations are drawn. */
export interface DemoVitals {
  systolic: number;
  diastolic: number;
  heartRate: number;
  spo2: number;
  temperature: number;
  weight: number;
}

/** The clinical picture of one demo patient: PAI, usual vital signs, function. */
export interface DemoCareProfile {
  /** Codes of the national SIAD need list (domain/src/siad-needs.ts). */
  needs: SiadNeedCode[];
  goals: { id: string; text: string; targetInDays?: number }[];
  interventions: DemoIntervention[];
  vitals: DemoVitals;
  /**
   * Barthel Index items in order: feeding, bathing, grooming, dressing,
   * bowels, bladder, toilet use, transfers, mobility, stairs.
   */
  barthel: [number, number, number, number, number, number, number, number, number, number];
  /** Pain on the 0–10 numeric rating scale, for patients with painful wounds. */
  painNrs?: number;
}

const weekly = (timesPerWeek: number): InterventionFrequency => ({ kind: 'weekly', timesPerWeek });
const everyDays = (days: number): InterventionFrequency => ({ kind: 'every-n-days', everyDays: days });
const daily: InterventionFrequency = { kind: 'daily' };
const onWeekdays = (...weekdays: number[]): InterventionFrequency => ({ kind: 'weekdays', weekdays });

/** The care profile of each demo patient (fictitious people, plausible ADI cases). */
export const DEMO_CARE_PROFILES: Record<string, DemoCareProfile> = {
  'pat-a-001': {
    needs: ['telemetry', 'caregiver-support', 'blood-draws'],
    goals: [
      { id: 'g1', text: 'Nessun ricovero per scompenso nei prossimi 90 giorni', targetInDays: 90 },
      { id: 'g2', text: 'Il paziente misura da solo pressione, SpO2 e peso ogni mattina', targetInDays: 30 },
      { id: 'g3', text: 'Emoglobina glicata inferiore a 7,5%', targetInDays: 90 },
    ],
    interventions: [
      { id: 'i1', label: 'Rilevazione parametri vitali e controllo edemi declivi', frequency: weekly(2), responsibleRole: 'nurse' },
      { id: 'i2', label: 'Automisurazione con il kit di telemonitoraggio', frequency: daily, responsibleRole: 'caregiver', notes: 'Avvisare se il peso aumenta di oltre 2 kg in 3 giorni.' },
      { id: 'i3', label: 'Glicemia capillare a digiuno', frequency: weekly(1), responsibleRole: 'nurse' },
      { id: 'i4', label: 'Educazione alla restrizione idrica e alla dieta iposodica', frequency: weekly(1), responsibleRole: 'nurse', endsAfterDays: 60 },
      { id: 'i5', label: 'Revisione della terapia diuretica', frequency: everyDays(30), responsibleRole: 'gp' },
    ],
    vitals: { systolic: 138, diastolic: 84, heartRate: 76, spo2: 95, temperature: 36.4, weight: 84.2 },
    barthel: [10, 0, 5, 5, 10, 10, 5, 10, 10, 0],
  },
  'pat-a-002': {
    needs: ['pressure-ulcers-grade-1-2', 'adl-iadl-help', 'rehabilitation', 'pain'],
    goals: [
      { id: 'g1', text: 'Guarigione della lesione sacrale', targetInDays: 45 },
      { id: 'g2', text: 'Deambulazione con deambulatore per 20 metri', targetInDays: 60 },
    ],
    interventions: [
      { id: 'i1', label: 'Medicazione avanzata della lesione sacrale', frequency: everyDays(2), responsibleRole: 'nurse' },
      { id: 'i2', label: 'Cambi posturali ogni 3 ore e controllo del materasso antidecubito', frequency: daily, responsibleRole: 'caregiver' },
      { id: 'i3', label: 'Fisioterapia per il recupero della deambulazione', frequency: onWeekdays(1, 3, 5), responsibleRole: 'physiotherapist', endsAfterDays: 60 },
      { id: 'i4', label: 'Valutazione del dolore durante la medicazione', frequency: everyDays(2), responsibleRole: 'nurse' },
    ],
    vitals: { systolic: 128, diastolic: 72, heartRate: 72, spo2: 96, temperature: 36.7, weight: 58.5 },
    barthel: [10, 0, 0, 5, 10, 5, 5, 5, 5, 0],
    painNrs: 4,
  },
  'pat-a-003': {
    needs: ['oxygen-therapy', 'caregiver-support', 'telemetry'],
    goals: [
      { id: 'g1', text: 'SpO2 a riposo pari o superiore al 90% in ossigenoterapia', targetInDays: 30 },
      { id: 'g2', text: 'Uso corretto degli inalatori verificato a ogni visita', targetInDays: 30 },
    ],
    interventions: [
      { id: 'i1', label: 'Saturimetria e controllo dei flussi di ossigeno', frequency: weekly(2), responsibleRole: 'nurse' },
      { id: 'i2', label: 'Verifica della tecnica inalatoria', frequency: weekly(1), responsibleRole: 'nurse' },
      { id: 'i3', label: 'Spirometria di controllo', frequency: everyDays(90), responsibleRole: 'district-nurse' },
    ],
    vitals: { systolic: 132, diastolic: 78, heartRate: 88, spo2: 91, temperature: 36.5, weight: 71 },
    barthel: [10, 0, 5, 5, 10, 10, 10, 10, 10, 5],
  },
  'pat-a-004': {
    needs: ['caregiver-support', 'supervision', 'telemetry'],
    goals: [
      { id: 'g1', text: 'Assunzione regolare della terapia antipertensiva', targetInDays: 30 },
      { id: 'g2', text: 'La figlia caregiver riferisce un carico assistenziale sostenibile', targetInDays: 60 },
    ],
    interventions: [
      { id: 'i1', label: 'Rilevazione della pressione arteriosa', frequency: weekly(1), responsibleRole: 'nurse' },
      { id: 'i2', label: 'Verifica del dispenser settimanale della terapia', frequency: weekly(1), responsibleRole: 'nurse' },
      { id: 'i3', label: 'Colloquio di sostegno con la caregiver', frequency: everyDays(14), responsibleRole: 'nurse' },
    ],
    vitals: { systolic: 148, diastolic: 88, heartRate: 70, spo2: 97, temperature: 36.3, weight: 62.3 },
    barthel: [5, 0, 0, 5, 5, 5, 5, 10, 10, 0],
  },
  'pat-a-005': {
    needs: ['elimination', 'infection-risk', 'adl-iadl-help'],
    goals: [
      { id: 'g1', text: 'Nessuna infezione delle vie urinarie', targetInDays: 90 },
      { id: 'g2', text: 'Il caregiver svuota e pulisce la sacca in autonomia', targetInDays: 14 },
    ],
    interventions: [
      { id: 'i1', label: 'Sostituzione del catetere vescicale', frequency: everyDays(30), responsibleRole: 'nurse' },
      { id: 'i2', label: 'Controllo del catetere e delle urine', frequency: weekly(1), responsibleRole: 'nurse' },
      { id: 'i3', label: 'Igiene perineale e svuotamento sacca', frequency: daily, responsibleRole: 'caregiver' },
    ],
    vitals: { systolic: 126, diastolic: 76, heartRate: 68, spo2: 96, temperature: 37.1, weight: 77.8 },
    barthel: [5, 0, 0, 0, 5, 0, 0, 5, 5, 0],
  },
  'pat-a-006': {
    needs: ['other-ulcers', 'pain', 'caregiver-support'],
    goals: [
      { id: 'g1', text: 'Riduzione dell\'area dell\'ulcera del 50%', targetInDays: 60 },
      { id: 'g2', text: 'Dolore durante la medicazione non superiore a 3', targetInDays: 30 },
    ],
    interventions: [
      { id: 'i1', label: 'Medicazione dell\'ulcera venosa', frequency: onWeekdays(2, 5), responsibleRole: 'nurse' },
      { id: 'i2', label: 'Bendaggio compressivo multistrato', frequency: onWeekdays(2, 5), responsibleRole: 'nurse' },
      { id: 'i3', label: 'Misurazione e foto della lesione', frequency: everyDays(14), responsibleRole: 'nurse' },
    ],
    vitals: { systolic: 134, diastolic: 80, heartRate: 74, spo2: 97, temperature: 36.5, weight: 69.4 },
    barthel: [10, 0, 5, 10, 10, 10, 10, 15, 10, 5],
    painNrs: 3,
  },
  'pat-a-007': {
    needs: ['enteral-nutrition', 'adl-iadl-help', 'caregiver-support'],
    goals: [
      { id: 'g1', text: 'Peso stabile (variazione inferiore al 2% al mese)', targetInDays: 60 },
      { id: 'g2', text: 'Stomia della PEG integra, senza segni di infezione', targetInDays: 30 },
    ],
    interventions: [
      { id: 'i1', label: 'Medicazione della stomia e controllo della PEG', frequency: weekly(2), responsibleRole: 'nurse' },
      { id: 'i2', label: 'Controllo del peso e dello stato di idratazione', frequency: weekly(1), responsibleRole: 'nurse' },
      { id: 'i3', label: 'Revisione del piano nutrizionale', frequency: everyDays(30), responsibleRole: 'dietitian' },
      { id: 'i4', label: 'Somministrazione della nutrizione con pompa', frequency: daily, responsibleRole: 'caregiver' },
    ],
    vitals: { systolic: 118, diastolic: 70, heartRate: 82, spo2: 95, temperature: 36.8, weight: 54.1 },
    barthel: [0, 0, 0, 0, 5, 5, 0, 5, 0, 0],
  },
  'pat-a-008': {
    needs: ['blood-draws', 'caregiver-support'],
    goals: [{ id: 'g1', text: 'INR in range terapeutico (2,0–3,0) in almeno 3 controlli su 4', targetInDays: 60 }],
    interventions: [
      { id: 'i1', label: 'Prelievo venoso per INR', frequency: everyDays(14), responsibleRole: 'nurse' },
      { id: 'i2', label: 'Adeguamento del dosaggio anticoagulante', frequency: everyDays(14), responsibleRole: 'gp' },
    ],
    vitals: { systolic: 130, diastolic: 78, heartRate: 66, spo2: 98, temperature: 36.4, weight: 66 },
    barthel: [10, 5, 5, 10, 10, 10, 10, 15, 15, 5],
  },
  'pat-b-001': {
    needs: ['telemetry', 'caregiver-support'],
    goals: [
      { id: 'g1', text: 'Nessun accesso in pronto soccorso per dispnea', targetInDays: 90 },
      { id: 'g2', text: 'Dieta iposodica seguita secondo il diario alimentare', targetInDays: 30 },
    ],
    interventions: [
      { id: 'i1', label: 'Rilevazione parametri vitali e peso', frequency: weekly(2), responsibleRole: 'nurse' },
      { id: 'i2', label: 'Educazione alla dieta iposodica', frequency: weekly(1), responsibleRole: 'nurse', endsAfterDays: 45 },
    ],
    vitals: { systolic: 142, diastolic: 86, heartRate: 80, spo2: 94, temperature: 36.6, weight: 88.7 },
    barthel: [10, 0, 5, 5, 10, 10, 10, 10, 10, 5],
  },
  'pat-b-002': {
    needs: ['pressure-ulcers-grade-3-4', 'pain', 'adl-iadl-help', 'caregiver-support'],
    goals: [
      { id: 'g1', text: 'Detersione completa del fondo della lesione al tallone', targetInDays: 30 },
      { id: 'g2', text: 'Apporto proteico adeguato secondo la valutazione nutrizionale', targetInDays: 30 },
    ],
    interventions: [
      { id: 'i1', label: 'Medicazione avanzata del tallone', frequency: daily, responsibleRole: 'nurse' },
      { id: 'i2', label: 'Scarico del tallone con talloniera e cambi posturali', frequency: daily, responsibleRole: 'caregiver' },
      { id: 'i3', label: 'Valutazione nutrizionale', frequency: everyDays(30), responsibleRole: 'dietitian' },
    ],
    vitals: { systolic: 122, diastolic: 68, heartRate: 78, spo2: 96, temperature: 36.9, weight: 49.6 },
    barthel: [5, 0, 0, 0, 5, 5, 0, 5, 0, 0],
    painNrs: 6,
  },
  'pat-b-003': {
    needs: ['caregiver-support', 'iv-sc-im-therapy'],
    goals: [
      { id: 'g1', text: 'Autosomministrazione corretta dell\'insulina con la penna', targetInDays: 21 },
      { id: 'g2', text: 'Nessuna ipoglicemia sotto 70 mg/dl', targetInDays: 60 },
    ],
    interventions: [
      { id: 'i1', label: 'Glicemia capillare e verifica del diario glicemico', frequency: weekly(2), responsibleRole: 'nurse' },
      { id: 'i2', label: 'Addestramento all\'uso della penna da insulina', frequency: weekly(2), responsibleRole: 'nurse', endsAfterDays: 21 },
    ],
    vitals: { systolic: 136, diastolic: 82, heartRate: 72, spo2: 97, temperature: 36.5, weight: 92.3 },
    barthel: [10, 5, 5, 10, 10, 10, 10, 15, 15, 10],
  },
};
