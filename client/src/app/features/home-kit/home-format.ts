import { InjectionToken } from '@angular/core';
import { dayNumber, localDate, type VitalKind } from '@prossima/domain';
import { formatShortDate, formatTime } from '../../core/i18n/format';
import type { Language } from '../../core/i18n/language';
import { formatReading, formatVitalWithUnit } from '../vitals/format-vital';
import type { VitalReading } from '../vitals/vital-readings';

/** A translation key and its parameters, translated in the template. */
export interface HomeMessage {
  key: string;
  params: Record<string, string>;
}

/** The IANA time zone readings are shown in: the device's (injected, so specs do not depend on the machine's zone). */
export const HOME_TIME_ZONE = new InjectionToken<string>('HOME_TIME_ZONE', {
  providedIn: 'root',
  factory: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
});

/**
 * When a reading was taken, the way people say it: "oggi alle 07:30",
 * "ieri alle 07:30", else "il 20/11/2025 alle 07:30" (days are local days in
 * `timeZone`, so a reading at 23:30 is not "today" the next morning).
 */
export function whenMessage(instant: string, now: Date, lang: Language, timeZone: string): HomeMessage {
  const at = new Date(instant);
  const day = localDate(at, timeZone);
  const time = formatTime(at, lang, timeZone);
  const daysAgo = (dayNumber(localDate(now, timeZone)) ?? 0) - (dayNumber(day) ?? 0);
  if (daysAgo === 0) return { key: 'homeKit.when.today', params: { time } };
  if (daysAgo === 1) return { key: 'homeKit.when.yesterday', params: { time } };
  return { key: 'homeKit.when.other', params: { date: formatShortDate(day, lang), time } };
}

/** The spirometry indices by the abbreviations every spirometer prints. */
const SPIROMETRY_NAMES: Partial<Record<VitalKind, string>> = { fev1: 'FEV1', fvc: 'FVC' };

/**
 * A reading as one text: "128/82 mmHg", "36,8 °C", and a spirometry with its
 * indices named, "FEV1 2,60 L · FVC 3,20 L".
 */
export function readingText(reading: VitalReading, lang: Language): string {
  if (reading.kind !== 'fev1') return formatReading(reading, lang);
  return reading.values.map((v) => `${SPIROMETRY_NAMES[v.kind] ?? v.kind} ${formatVitalWithUnit(v.kind, v.value, lang)}`).join(' · ');
}

/** The greeting of the hour in `timeZone`: "Buongiorno" from 5 to 17, else "Buonasera". */
export function greetingKey(now: Date, timeZone: string): string {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(now));
  return hour >= 5 && hour < 17 ? 'homeKit.greeting.morning' : 'homeKit.greeting.evening';
}

/**
 * The plain-language message about a result: within the expected range or
 * not, never a diagnosis. A result without a value (an ECG trace) has none.
 */
export function rangeKey(result: { outOfRange: boolean; hasValue: boolean }): string | null {
  if (!result.hasValue) return null;
  return result.outOfRange ? 'homeKit.range.out' : 'homeKit.range.normal';
}

/** Where a saved measurement is: sent to the care team, on its way, or waiting for a connection. */
export type Delivery = 'sent' | 'sending' | 'waiting';

/**
 * Whether the observations `savedIds` have reached the server: none of them
 * among the pending changes means sent; otherwise on its way when online,
 * waiting for a connection when not.
 */
export function deliveryOf(
  savedIds: readonly string[],
  pending: readonly { collection: string; id: string }[],
  online: boolean,
): Delivery {
  const ids = new Set(savedIds);
  const waiting = pending.some((change) => change.collection === 'observations' && ids.has(change.id));
  if (!waiting) return 'sent';
  return online ? 'sending' : 'waiting';
}
