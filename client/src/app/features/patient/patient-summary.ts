import {
  ADI_LEVEL_LABELS,
  adiLevel,
  careIntensity,
  crossCheckCodiceFiscale,
  type AdiLevel,
  type CodiceFiscaleMismatch,
  type PatientDoc,
  type VisitDoc,
} from '@prossima/domain';

/** What the record's codice fiscale says against the rest of the record (birth date, sex, birthplace, names). */
export function codiceFiscaleCheck(patient: PatientDoc): CodiceFiscaleMismatch[] {
  return crossCheckCodiceFiscale(patient.codiceFiscale, {
    birthDate: patient.birthDate,
    sex: patient.sex,
    familyName: patient.familyName,
    givenName: patient.givenName,
    ...(patient.birthplaceCode ? { birthplaceCode: patient.birthplaceCode } : {}),
  });
}

/** The care intensity of a patient so far: CIA and ADI level (DPCM 12/1/2017 art. 22). */
export interface CareIntensitySummary {
  cia: number;
  level: AdiLevel;
  label: { it: string; en: string };
  daysWithVisits: number;
  daysInCare: number;
}

/**
 * CIA from the start of care to `today`: the days with at least one visit
 * carried out (done) over the days in care. `null` without a start of care,
 * or when care starts after today.
 */
export function careIntensityOf(patient: Pick<PatientDoc, 'careStart'>, visits: readonly VisitDoc[], today: string): CareIntensitySummary | null {
  if (!patient.careStart || patient.careStart > today) return null;
  const done = visits.filter((v) => v.status === 'done').map((v) => v.date);
  const { cia, daysWithVisits, daysInCare } = careIntensity(done, patient.careStart, today);
  const level = adiLevel(cia);
  return { cia, level, label: ADI_LEVEL_LABELS[level], daysWithVisits, daysInCare };
}
