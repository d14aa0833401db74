/**
 * Italian tax code (codice fiscale) of natural persons: check character,
 * omocodia, the birth date and sex it encodes (DM 23/12/1976), and a
 * cross-check of a code against a patient record.
 *
 *   RSS MRA 80 A 01 H501 U
 *   │   │   │  │ │  │    └ check character
 *   │   │   │  │ │  └ birthplace (cadastral code, Z… abroad)
 *   │   │   │  │ └ day of birth (+40 for women)
 *   │   │   │  └ month letter
 *   │   │   └ year of birth (two digits)
 *   │   └ given name
 *   └ family name
 */

const ODD_VALUES: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};
const MONTH_LETTERS = 'ABCDEHLMPRST';
/** Letters that replace the digits 0–9 in an omocode. */
const OMOCODE_LETTERS = 'LMNPQRSTUV';
/** Zero-based positions that hold digits in a plain code and may hold letters in an omocode. */
const NUMERIC_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
const SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** Why a codice fiscale was refused. */
export type CodiceFiscaleProblem = 'length' | 'characters' | 'check-character' | 'birth-date';

/** What a valid code says about its holder. */
export interface CodiceFiscaleFacts {
  /** The code with omocode letters turned back into digits. */
  normalised: string;
  sex: 'M' | 'F';
  /** Two-digit year; the century is not in the code. */
  birthYear2: number;
  birthMonth: number;
  birthDay: number;
  birthplaceCode: string;
  isOmocode: boolean;
}

/** The check character of the first 15 characters of a code (upper case). */
export function codiceFiscaleCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = first15[i];
    // Positions are counted from 1 in the rule: index 0 is an "odd" position.
    sum += i % 2 === 0 ? ODD_VALUES[ch] : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Undo omocodia: letters in the numeric positions back to digits. */
function deOmocode(code: string): string {
  const chars = code.split('');
  for (const i of NUMERIC_POSITIONS) {
    const k = OMOCODE_LETTERS.indexOf(chars[i]);
    if (k >= 0) chars[i] = String(k);
  }
  return chars.join('');
}

/**
 * Check a codice fiscale; returns the facts it encodes, or the problem found.
 * Case and surrounding spaces are forgiven; nothing else is.
 */
export function parseCodiceFiscale(input: string): { ok: true; facts: CodiceFiscaleFacts } | { ok: false; problem: CodiceFiscaleProblem } {
  const code = input.trim().toUpperCase();
  if (code.length !== 16) return { ok: false, problem: 'length' };
  if (!SHAPE.test(code)) return { ok: false, problem: 'characters' };
  if (codiceFiscaleCheckCharacter(code.slice(0, 15)) !== code[15]) return { ok: false, problem: 'check-character' };
  const plain = deOmocode(code);
  const dayField = Number(plain.slice(9, 11));
  const sex = dayField > 40 ? 'F' : 'M';
  const birthDay = sex === 'F' ? dayField - 40 : dayField;
  const birthMonth = MONTH_LETTERS.indexOf(plain[8]) + 1;
  const birthYear2 = Number(plain.slice(6, 8));
  // 2000 is a leap year and 1900 is not; without the century, allow 29 February.
  const daysInMonth = new Date(Date.UTC(2000, birthMonth, 0)).getUTCDate();
  if (birthDay < 1 || birthDay > daysInMonth) return { ok: false, problem: 'birth-date' };
  return {
    ok: true,
    facts: {
      normalised: plain.slice(0, 15) + codiceFiscaleCheckCharacter(plain.slice(0, 15)),
      sex,
      birthYear2,
      birthMonth,
      birthDay,
      birthplaceCode: plain.slice(11, 15),
      isOmocode: plain !== code,
    },
  };
}

const VOWELS = /[AEIOU]/g;
const CONSONANTS = /[B-DF-HJ-NP-TV-Z]/g;

function lettersOf(name: string): { consonants: string[]; vowels: string[] } {
  const clean = name.normalize('NFD').replace(/[^A-Za-z]/g, '').toUpperCase();
  return { consonants: clean.match(CONSONANTS) ?? [], vowels: clean.match(VOWELS) ?? [] };
}

function familyNameCode(name: string): string {
  const { consonants, vowels } = lettersOf(name);
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

function givenNameCode(name: string): string {
  const { consonants, vowels } = lettersOf(name);
  // With four or more consonants the rule takes the first, third and fourth.
  const picked = consonants.length >= 4 ? [consonants[0], consonants[2], consonants[3]] : consonants;
  return [...picked, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

/** Who a code is computed for. */
export interface CodiceFiscalePerson {
  familyName: string;
  givenName: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  sex: 'M' | 'F';
  /** Cadastral code of the birthplace, e.g. `H501` for Rome. */
  birthplaceCode: string;
}

/** Compute the (non-omocode) codice fiscale of a person. */
export function computeCodiceFiscale(person: CodiceFiscalePerson): string {
  const [year, month, day] = person.birthDate.split('-').map(Number);
  const dayField = person.sex === 'F' ? day + 40 : day;
  const first15 =
    familyNameCode(person.familyName) +
    givenNameCode(person.givenName) +
    String(year % 100).padStart(2, '0') +
    MONTH_LETTERS[month - 1] +
    String(dayField).padStart(2, '0') +
    person.birthplaceCode.toUpperCase();
  return first15 + codiceFiscaleCheckCharacter(first15);
}

/** Shape of a birthplace code: a letter and three digits (cadastral code; `Z` + three digits abroad). */
const BIRTHPLACE_CODE = /^[A-Z]\d{3}$/;

/** Whether `code` has the shape of a birthplace code (`H501`, `Z404`); case and surrounding spaces are forgiven. */
export function isBirthplaceCode(code: string): boolean {
  return BIRTHPLACE_CODE.test(code.trim().toUpperCase());
}

/** Whether `code` is the birthplace code of a foreign country (`Z` + three digits, e.g. `Z404` USA). */
export function isForeignBirthplaceCode(code: string): boolean {
  const upper = code.trim().toUpperCase();
  return BIRTHPLACE_CODE.test(upper) && upper.startsWith('Z');
}

/** What a patient record says about the holder of a code; unknown names and birthplace are left out. */
export interface CodiceFiscaleRecord {
  /** `YYYY-MM-DD` */
  birthDate: string;
  sex: 'M' | 'F';
  birthplaceCode?: string;
  familyName?: string;
  givenName?: string;
}

/** A record field the code contradicts. */
export type CodiceFiscaleField = 'birthDate' | 'sex' | 'birthplaceCode' | 'familyName' | 'givenName';

/**
 * One disagreement between a code and a record. For an unreadable code, the
 * problem; otherwise the field, with what the code says and what the record
 * gives in the code's own form (`YY-MM-DD`, `M`/`F`, `H501`, three letters).
 */
export type CodiceFiscaleMismatch =
  | { field: 'codiceFiscale'; problem: CodiceFiscaleProblem; message: { it: string; en: string } }
  | { field: CodiceFiscaleField; inCode: string; inRecord: string; message: { it: string; en: string } };

const PROBLEM_MESSAGES: Record<CodiceFiscaleProblem, { it: string; en: string }> = {
  length: { it: 'Il codice fiscale deve avere 16 caratteri.', en: 'The codice fiscale must have 16 characters.' },
  characters: { it: 'Il codice fiscale contiene caratteri non validi.', en: 'The codice fiscale contains characters in the wrong places.' },
  'check-character': { it: 'Il carattere di controllo del codice fiscale è errato.', en: 'The check character of the codice fiscale is wrong.' },
  'birth-date': { it: 'La data di nascita nel codice fiscale non esiste.', en: 'The birth date in the codice fiscale does not exist.' },
};

const FIELD_MESSAGES: Record<CodiceFiscaleField, { it: string; en: string }> = {
  birthDate: { it: 'La data di nascita non corrisponde al codice fiscale.', en: 'The birth date does not match the codice fiscale.' },
  sex: { it: 'Il sesso non corrisponde al codice fiscale.', en: 'The sex does not match the codice fiscale.' },
  birthplaceCode: { it: 'Il luogo di nascita non corrisponde al codice fiscale.', en: 'The birthplace does not match the codice fiscale.' },
  familyName: { it: 'Il cognome non corrisponde al codice fiscale.', en: 'The family name does not match the codice fiscale.' },
  givenName: { it: 'Il nome non corrisponde al codice fiscale.', en: 'The given name does not match the codice fiscale.' },
};

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Compare a codice fiscale with a patient record. Returns every mismatch,
 * naming the field; an empty list means they agree. The year is compared
 * without its century (the code does not hold it); an omocode is compared
 * through its plain form; names and birthplace only when the record has them.
 * Names are compared through their three-letter codes (consonants, then
 * vowels, then X; a given name with four or more consonants takes the 1st,
 * 3rd and 4th), so accents, spaces and apostrophes do not matter.
 */
export function crossCheckCodiceFiscale(code: string, record: CodiceFiscaleRecord): CodiceFiscaleMismatch[] {
  const parsed = parseCodiceFiscale(code);
  if (!parsed.ok) return [{ field: 'codiceFiscale', problem: parsed.problem, message: PROBLEM_MESSAGES[parsed.problem] }];
  const facts = parsed.facts;
  const mismatches: CodiceFiscaleMismatch[] = [];
  const add = (field: CodiceFiscaleField, inCode: string, inRecord: string): void => {
    if (inCode !== inRecord) mismatches.push({ field, inCode, inRecord, message: FIELD_MESSAGES[field] });
  };

  const dateInCode = `${twoDigits(facts.birthYear2)}-${twoDigits(facts.birthMonth)}-${twoDigits(facts.birthDay)}`;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(record.birthDate);
  add('birthDate', dateInCode, date ? `${date[1].slice(2)}-${date[2]}-${date[3]}` : record.birthDate);
  add('sex', facts.sex, record.sex);
  if (record.birthplaceCode !== undefined && record.birthplaceCode.trim() !== '') {
    add('birthplaceCode', facts.birthplaceCode, record.birthplaceCode.trim().toUpperCase());
  }
  if (record.familyName !== undefined && record.familyName.trim() !== '') {
    add('familyName', facts.normalised.slice(0, 3), familyNameCode(record.familyName));
  }
  if (record.givenName !== undefined && record.givenName.trim() !== '') {
    add('givenName', facts.normalised.slice(3, 6), givenNameCode(record.givenName));
  }
  return mismatches;
}
