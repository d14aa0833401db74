import {
  ADI_LEVEL_LABELS,
  type CareplanTargetLevel,
  type InterventionFrequency,
  PALLIATIVE_LEVEL_LABELS,
  siadNeedByCode,
} from '@prossima/domain';
import type { Language } from '../../core/i18n/language';

/**
 * Words for the coded parts of a PAI: frequencies, care-intensity levels,
 * SIAD needs, responsible roles. The clinical labels live in the domain (it/en
 * side by side); these helpers only pick the language.
 */

/** ISO weekdays 1 (Monday) … 7 (Sunday), in the order the editor lists them. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const WEEKDAY_SHORT: Record<Language, readonly string[]> = {
  it: ['Lun', 'Mar', 'Mer', 'Gio', 'Ven', 'Sab', 'Dom'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

const WEEKDAY_LONG: Record<Language, readonly string[]> = {
  it: ['Lunedì', 'Martedì', 'Mercoledì', 'Giovedì', 'Venerdì', 'Sabato', 'Domenica'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** "Lun" / "Mon" for an ISO weekday (1 = Monday). */
export function weekdayShort(weekday: number, lang: Language): string {
  return WEEKDAY_SHORT[lang][weekday - 1] ?? String(weekday);
}

/** "Lunedì" / "Monday" for an ISO weekday (1 = Monday): the checkbox labels. */
export function weekdayLong(weekday: number, lang: Language): string {
  return WEEKDAY_LONG[lang][weekday - 1] ?? String(weekday);
}

/**
 * A frequency in words: "Ogni giorno", "2 volte a settimana", "Ogni 3 giorni",
 * "Lun, Mer, Ven" (weekdays in week order whatever order they were stored in).
 */
export function frequencyLabel(frequency: InterventionFrequency, lang: Language): string {
  const it = lang === 'it';
  switch (frequency.kind) {
    case 'daily':
      return it ? 'Ogni giorno' : 'Every day';
    case 'weekly': {
      const n = frequency.timesPerWeek;
      if (n === 1) return it ? '1 volta a settimana' : 'Once a week';
      return it ? `${n} volte a settimana` : `${n} times a week`;
    }
    case 'every-n-days': {
      const n = frequency.everyDays;
      if (n === 1) return it ? 'Ogni giorno' : 'Every day';
      return it ? `Ogni ${n} giorni` : `Every ${n} days`;
    }
    case 'weekdays':
      return [...new Set(frequency.weekdays)]
        .sort((a, b) => a - b)
        .map((day) => weekdayShort(day, lang))
        .join(', ');
  }
}

/** The care-intensity levels a PAI can aim at, with the decree's wording (DPCM 12/1/2017 art. 22–23). */
export function targetLevelLabel(level: CareplanTargetLevel, lang: Language): string {
  const labels: Record<CareplanTargetLevel, { it: string; en: string }> = { ...ADI_LEVEL_LABELS, ...PALLIATIVE_LEVEL_LABELS };
  return labels[level]?.[lang] ?? level;
}

/** A need's label in the current language; the stored label when the code is not (or no longer) on the SIAD list. */
export function needLabel(need: { code: string; label: string }, lang: Language): string {
  return siadNeedByCode(need.code)?.label[lang] ?? need.label;
}

/** The roles an intervention can be assigned to; the Italian and English names are under `careplan.roles.*`. */
export const RESPONSIBLE_ROLES = ['nurse', 'district-nurse', 'gp', 'physiotherapist', 'caregiver', 'oss', 'dietitian'] as const;

/** Whether a role code has a translated name (`careplan.roles.<code>`); other codes are shown as stored. */
export function isKnownResponsibleRole(code: string): boolean {
  return (RESPONSIBLE_ROLES as readonly string[]).includes(code);
}
