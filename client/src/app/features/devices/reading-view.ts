/**
 * What the measure panel shows while and after measuring, as translation
 * keys and parameters (numbers already written the language's way):
 * - `progressView`: the current step of a measurement. The detailed line
 *   changes with every notification (cuff pressure, ECG seconds); the
 *   `announce` line, read out by the live region, changes only at
 *   milestones, so a screen reader is not flooded.
 * - `readingLines`: the values of the observations about to be saved.
 */
import type { MeasurementProgress } from '@prossima/device-bridge';
import { SPIROMETRY_PANEL_LOINC, BLOOD_PRESSURE_PANEL_LOINC, convertToVitalUnit, vitalByLoinc, VITALS, type ObservationDoc } from '@prossima/domain';
import type { Language } from '../../core/i18n/language';
import { formatBloodPressure, formatVitalWithUnit } from '../vitals/format-vital';

/** A message: translation key and parameters. */
export interface Message {
  key: string;
  params: Record<string, string>;
}

/** One step of a measurement on screen. */
export interface ProgressView {
  /** The detailed line. */
  detail: Message;
  /** The coarse line for the live region. */
  announce: Message;
  /** 0–1 when the end is known (ECG seconds, steady readings), for a progress bar. */
  fraction?: number;
}

/** Seconds of ECG between two announcements. */
const ECG_ANNOUNCE_EVERY_S = 10;

const msg = (key: string, params: Record<string, string> = {}): Message => ({ key: `devices.progress.${key}`, params });

/** The view of one progress report, in `lang`. */
export function progressView(progress: MeasurementProgress, lang: Language): ProgressView {
  switch (progress.kind) {
    case 'waiting-for-device':
      return { detail: msg('waiting'), announce: msg('waiting') };
    case 'cuff-pressure': {
      const mmHg = progress.unit === 'mm[Hg]' ? progress.pressure : convertToVitalUnit('systolic', progress.pressure, progress.unit);
      return { detail: msg('cuff', { pressure: formatVitalWithUnit('systolic', mmHg, lang) }), announce: msg('cuffAnnounce') };
    }
    case 'intermediate-temperature': {
      const celsius = convertToVitalUnit('body-temperature', progress.temperature, progress.unit);
      return { detail: msg('temperature', { value: formatVitalWithUnit('body-temperature', celsius, lang) }), announce: msg('temperatureAnnounce') };
    }
    case 'spo2': {
      const params = {
        spo2: formatVitalWithUnit('spo2', progress.spo2, lang),
        pulse: formatVitalWithUnit('heart-rate', progress.pulseRate, lang),
        steady: String(progress.steadyReadings),
        needed: String(progress.needed),
      };
      return { detail: msg('spo2', params), announce: msg('steady', params), fraction: progress.steadyReadings / progress.needed };
    }
    case 'heart-rate': {
      const params = { bpm: formatVitalWithUnit('heart-rate', progress.bpm, lang), steady: String(progress.readings), needed: String(progress.needed) };
      return { detail: msg('heartRate', params), announce: msg('steady', params), fraction: progress.readings / progress.needed };
    }
    case 'glucose-records':
      return { detail: msg('glucose', { count: String(progress.received) }), announce: msg('glucoseAnnounce') };
    case 'ecg-waiting-for-contact':
      return { detail: msg('ecgContact'), announce: msg('ecgContact') };
    case 'ecg-recording': {
      const recorded = Math.floor(progress.recordedS);
      const milestone = Math.floor(progress.recordedS / ECG_ANNOUNCE_EVERY_S) * ECG_ANNOUNCE_EVERY_S;
      const duration = String(progress.durationS);
      return {
        detail: msg('ecg', { recorded: String(recorded), duration }),
        announce: msg('ecgAnnounce', { recorded: String(milestone), duration }),
        fraction: Math.min(1, progress.recordedS / progress.durationS),
      };
    }
  }
}

/** One value of a reading, as shown before saving. */
export interface ReadingLine {
  label: string;
  value: string;
}

/**
 * The lines of the observations of a reading: blood pressure as "128/82 mmHg"
 * (and its mean pressure), each other vital with its label and unit. The
 * spirometry panel has its own table (SpirometryView) and is left out.
 */
export function readingLines(observations: readonly ObservationDoc[], lang: Language, bloodPressureLabel: string): ReadingLine[] {
  const lines: ReadingLine[] = [];
  for (const doc of observations) {
    if (doc.code === SPIROMETRY_PANEL_LOINC) continue;
    if (doc.code === BLOOD_PRESSURE_PANEL_LOINC) {
      const value = (code: string) => doc.components?.find((c) => c.code === code)?.value;
      lines.push({ label: bloodPressureLabel, value: formatBloodPressure(value('8480-6') ?? NaN, value('8462-4') ?? NaN, lang) });
      const map = value(VITALS['mean-arterial-pressure'].loinc);
      if (map !== undefined) lines.push({ label: VITALS['mean-arterial-pressure'].label[lang], value: formatVitalWithUnit('mean-arterial-pressure', map, lang) });
      continue;
    }
    const vital = vitalByLoinc(doc.code);
    if (!vital || doc.value === undefined) continue;
    lines.push({ label: vital.label[lang], value: formatVitalWithUnit(vital.kind, doc.value, lang) });
  }
  return lines;
}
