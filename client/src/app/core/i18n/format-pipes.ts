import { Pipe, PipeTransform } from '@angular/core';
import { formatLongDate, formatShortDate, formatTime } from './format';
import type { Language } from './language';

/** `{{ '2025-11-22' | longDate: lang }}` → "sabato 22 novembre 2025". */
@Pipe({ name: 'longDate' })
export class LongDatePipe implements PipeTransform {
  transform(date: string, language: Language): string {
    return formatLongDate(date, language);
  }
}

/** `{{ '2025-11-22' | shortDate: lang }}` → "22/11/2025". */
@Pipe({ name: 'shortDate' })
export class ShortDatePipe implements PipeTransform {
  transform(date: string, language: Language): string {
    return formatShortDate(date, language);
  }
}

/** `{{ instant | timeOfDay: lang }}` → "09:41". */
@Pipe({ name: 'timeOfDay' })
export class TimeOfDayPipe implements PipeTransform {
  transform(instant: string, language: Language): string {
    return formatTime(instant, language);
  }
}
