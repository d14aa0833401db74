import { InjectionToken } from '@angular/core';
import { DOCUMENT_ID_PATTERN } from '@prossima/domain';

/**
 * Ids of new plans and of their goal and intervention rows. They are made on
 * the device (offline), so they carry a random part; the shapes are the
 * schema's: document ids `^[a-z0-9][a-z0-9._:-]{0,99}$`, row ids
 * `^[a-z0-9][a-z0-9._-]*$` of at most 40 characters.
 */

/** A source of short random lower-case tokens (replaced in tests). */
export type RandomToken = () => string;

const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Eight random characters `[a-z0-9]` from the platform's CSPRNG. */
export const randomToken: RandomToken = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  // 256 is not a multiple of 36: the slight bias does not matter for an id that only needs to be unlikely to repeat.
  return Array.from(bytes, (byte) => TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length]).join('');
};

/** The random tokens the editor uses for new ids (a fixed sequence in tests). */
export const RANDOM_TOKEN = new InjectionToken<RandomToken>('RANDOM_TOKEN', { providedIn: 'root', factory: () => randomToken });

const DOCUMENT_ID = new RegExp(DOCUMENT_ID_PATTERN);
const ROW_ID = /^[a-z0-9][a-z0-9._-]*$/;
const MAX_DOCUMENT_ID = 100;
const MAX_ROW_ID = 40;

/** `cp-<patientId>-<token>`, lower-case, the patient part shortened when the whole would pass 100 characters. */
export function newCareplanId(patientId: string, token: string = randomToken()): string {
  const safePatient = patientId.toLowerCase().replace(/[^a-z0-9._:-]/g, '-');
  const room = MAX_DOCUMENT_ID - 'cp-'.length - 1 - token.length;
  const id = `cp-${safePatient.slice(0, Math.max(room, 0))}-${token}`;
  if (!DOCUMENT_ID.test(id)) throw new RangeError(`cannot make a care plan id from patient "${patientId}" and token "${token}"`);
  return id;
}

/** `<prefix>-<token>` for a goal (`g`) or an intervention (`i`) row, not among `taken`. */
export function newRowId(prefix: 'g' | 'i', taken: readonly string[], token: RandomToken = randomToken): string {
  // A handful of tries: eight random characters collide only with a broken token source.
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = `${prefix}-${token()}`.slice(0, MAX_ROW_ID);
    if (!ROW_ID.test(id)) throw new RangeError(`"${id}" is not a valid row id`);
    if (!taken.includes(id)) return id;
  }
  throw new RangeError(`no free ${prefix} row id after 20 tries`);
}
