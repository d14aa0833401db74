import type { ConflictLogEntry } from '@prossima/domain';

export type { ConflictLogEntry };

/** One contested field: what was kept and what was replaced (kept in the log, shown to the coordinator). */
export interface ContestedField {
  field: string;
  kept: string;
  replaced: string;
}

/** A field's value as text for the page: strings as they are, the rest as compact JSON, absence as an empty string. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The contested fields of an entry, kept against replaced. */
export function contestedFields(entry: ConflictLogEntry): ContestedField[] {
  return entry.contested.map((field) => ({
    field,
    kept: displayValue(entry.merged[field]),
    replaced: displayValue(entry.overridden[field]),
  }));
}
