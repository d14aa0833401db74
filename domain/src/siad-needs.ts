/**
 * The care needs of the national home-care information flow (SIAD, DM
 * 17/12/2008), the list a PAI codes its needs from. Codes are stable kebab-case
 * identifiers stored in `careplans.needs[].code`: never rename one, add a new
 * code instead. The Italian labels paraphrase the SIAD items; check them
 * against the current SIAD technical specification before a regional export.
 */

/** One SIAD care need. */
export interface SiadNeed {
  code: string;
  label: { it: string; en: string };
}

/** The SIAD care needs, in the order of the national list. */
export const SIAD_NEEDS = [
  { code: 'infection-risk', label: { it: 'Rischio infettivo', en: 'Infection risk' } },
  { code: 'airway-suction', label: { it: 'Broncoaspirazione / drenaggio posturale', en: 'Airway suction / postural drainage' } },
  { code: 'oxygen-therapy', label: { it: 'Ossigenoterapia', en: 'Oxygen therapy' } },
  { code: 'ventilation', label: { it: 'Ventiloterapia', en: 'Mechanical ventilation' } },
  { code: 'tracheostomy', label: { it: 'Tracheostomia', en: 'Tracheostomy' } },
  { code: 'enteral-nutrition', label: { it: 'Nutrizione enterale', en: 'Enteral nutrition' } },
  { code: 'parenteral-nutrition', label: { it: 'Nutrizione parenterale', en: 'Parenteral nutrition' } },
  { code: 'stoma-care', label: { it: 'Gestione della stomia', en: 'Stoma care' } },
  { code: 'elimination', label: { it: 'Gestione dell\'eliminazione urinaria e intestinale', en: 'Urinary and bowel elimination' } },
  { code: 'pressure-ulcers-grade-1-2', label: { it: 'Lesioni da pressione di grado 1–2', en: 'Pressure ulcers, grade 1–2' } },
  { code: 'pressure-ulcers-grade-3-4', label: { it: 'Lesioni da pressione di grado 3–4', en: 'Pressure ulcers, grade 3–4' } },
  { code: 'other-ulcers', label: { it: 'Ulcere cutanee (vascolari, diabetiche, altre)', en: 'Other skin ulcers (vascular, diabetic, other)' } },
  { code: 'blood-draws', label: { it: 'Prelievi venosi non occasionali', en: 'Regular blood draws' } },
  { code: 'iv-sc-im-therapy', label: { it: 'Terapia endovenosa, sottocutanea, intramuscolare', en: 'Intravenous, subcutaneous, intramuscular therapy' } },
  { code: 'central-venous-catheter', label: { it: 'Gestione del catetere venoso centrale', en: 'Central venous catheter care' } },
  { code: 'pain', label: { it: 'Controllo del dolore', en: 'Pain control' } },
  { code: 'caregiver-fragility', label: { it: 'Fragilità del caregiver o della rete familiare', en: 'Fragile caregiver or family network' } },
  { code: 'rehabilitation', label: { it: 'Riabilitazione', en: 'Rehabilitation' } },
  { code: 'supervision', label: { it: 'Supervisione continua', en: 'Continuous supervision' } },
  { code: 'adl-iadl-help', label: { it: 'Assistenza nelle attività della vita quotidiana (ADL/IADL)', en: 'Help with daily living activities (ADL/IADL)' } },
  { code: 'caregiver-support', label: { it: 'Supporto al caregiver', en: 'Caregiver support' } },
  { code: 'ecg', label: { it: 'Elettrocardiogramma (ECG)', en: 'Electrocardiogram (ECG)' } },
  { code: 'telemetry', label: { it: 'Telemetria', en: 'Telemetry' } },
  { code: 'end-of-life', label: { it: 'Assistenza nella fase terminale della vita', en: 'End-of-life care' } },
  { code: 'transfusions', label: { it: 'Trasfusioni', en: 'Transfusions' } },
] as const satisfies readonly SiadNeed[];

/** A SIAD care-need code. */
export type SiadNeedCode = (typeof SIAD_NEEDS)[number]['code'];

const BY_CODE: ReadonlyMap<string, SiadNeed> = new Map(SIAD_NEEDS.map((need) => [need.code, need]));

/** The SIAD need with this code, or `undefined` for an unknown code. */
export function siadNeedByCode(code: string): SiadNeed | undefined {
  return BY_CODE.get(code);
}

/** Whether a string is one of the SIAD need codes. */
export function isSiadNeedCode(code: string): code is SiadNeedCode {
  return BY_CODE.has(code);
}
