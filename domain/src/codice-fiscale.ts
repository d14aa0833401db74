/**
 * Italian tax code (codice fiscale) of natural persons: check character,
 * omocodia, and the birth date and sex it encodes (DM 23/12/1976).
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
