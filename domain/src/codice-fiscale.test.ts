import { describe, expect, it } from 'vitest';
import {
  codiceFiscaleCheckCharacter,
  computeCodiceFiscale,
  crossCheckCodiceFiscale,
  isBirthplaceCode,
  isForeignBirthplaceCode,
  parseCodiceFiscale,
} from './codice-fiscale';

describe('codice fiscale', () => {
  it('when a published valid code is parsed, then its sex, birth date and birthplace come out', () => {
    const result = parseCodiceFiscale('MRTMTT25D09F205Z');
    expect(result).toEqual({
      ok: true,
      facts: { normalised: 'MRTMTT25D09F205Z', sex: 'M', birthYear2: 25, birthMonth: 4, birthDay: 9, birthplaceCode: 'F205', isOmocode: false },
    });
  });

  it('when the code is a woman\'s, then the day field minus 40 is the birth day', () => {
    const code = computeCodiceFiscale({ familyName: 'Zanetti', givenName: 'Maria', birthDate: '1936-11-02', sex: 'F', birthplaceCode: 'G224' });
    expect(code.slice(0, 11)).toBe('ZNTMRA36S42');
    const result = parseCodiceFiscale(code);
    expect(result.ok && result.facts).toMatchObject({ sex: 'F', birthDay: 2, birthMonth: 11 });
  });

  it('when the check character is wrong, then the code is refused for that reason', () => {
    expect(parseCodiceFiscale('MRTMTT25D09F205A')).toEqual({ ok: false, problem: 'check-character' });
  });

  it('when length or characters are wrong, then the problem says which', () => {
    expect(parseCodiceFiscale('MRTMTT25D09F205')).toEqual({ ok: false, problem: 'length' });
    expect(parseCodiceFiscale('MRTMTT25Z09F205Z')).toEqual({ ok: false, problem: 'characters' });
  });

  it('when lower case and spaces surround a valid code, then it is accepted', () => {
    expect(parseCodiceFiscale('  rssmra80a01h501u ').ok).toBe(true);
  });

  it('when an omocode replaces digits with letters, then it is valid and normalises to the plain code', () => {
    // Omocodia replaces digits from the right: 1 → M in the last birthplace digit, then 0 → L.
    const first15 = 'RSSMRA80A01H5LM';
    const omocode = first15 + codiceFiscaleCheckCharacter(first15);
    const result = parseCodiceFiscale(omocode);
    expect(result.ok && result.facts).toMatchObject({ normalised: 'RSSMRA80A01H501U', isOmocode: true, birthplaceCode: 'H501' });
  });

  it('when the day does not exist in the month, then the birth date is refused', () => {
    const first15 = 'RSSMRA80B31H501';
    expect(parseCodiceFiscale(first15 + codiceFiscaleCheckCharacter(first15))).toEqual({ ok: false, problem: 'birth-date' });
  });

  it('when names are short or rich in consonants, then the name rules apply', () => {
    expect(computeCodiceFiscale({ familyName: 'Fo', givenName: 'Gianfranco', birthDate: '1950-01-01', sex: 'M', birthplaceCode: 'F205' }).slice(0, 6)).toBe('FOXGFR');
    expect(computeCodiceFiscale({ familyName: 'Rossi', givenName: 'Mario', birthDate: '1980-01-01', sex: 'M', birthplaceCode: 'H501' })).toBe('RSSMRA80A01H501U');
  });
});

describe('birthplace codes', () => {
  it('when a code is a letter and three digits, then it has the birthplace shape; Z means abroad', () => {
    expect(isBirthplaceCode('H501')).toBe(true);
    expect(isBirthplaceCode(' z404 ')).toBe(true);
    for (const bad of ['H50', 'H5011', '1501', 'HH01', 'Roma', '']) expect(isBirthplaceCode(bad)).toBe(false);
    expect(isForeignBirthplaceCode('Z404')).toBe(true);
    expect(isForeignBirthplaceCode('H501')).toBe(false);
    expect(isForeignBirthplaceCode('Z40')).toBe(false);
  });
});

describe('crossCheckCodiceFiscale', () => {
  const rossi = { familyName: 'Rossi', givenName: 'Mario', birthDate: '1980-01-01', sex: 'M' as const, birthplaceCode: 'H501' };

  it('when the record agrees with the code, then there are no mismatches', () => {
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', rossi)).toEqual([]);
    expect(crossCheckCodiceFiscale('MRTMTT25D09F205Z', { familyName: 'Moretti', givenName: 'Matteo', birthDate: '1925-04-09', sex: 'M', birthplaceCode: 'f205' })).toEqual([]);
  });

  it('when the record is a woman\'s and the names have accents and apostrophes, then they still agree', () => {
    const person = { familyName: 'D\'Alò', givenName: 'Maria Chiara', birthDate: '1936-11-02', sex: 'F' as const, birthplaceCode: 'G224' };
    expect(crossCheckCodiceFiscale(computeCodiceFiscale(person), person)).toEqual([]);
  });

  it('when only the century differs, then the birth date agrees (the code has no century)', () => {
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { ...rossi, birthDate: '1880-01-01' })).toEqual([]);
  });

  it('when the code is an omocode, then it is compared through its plain form', () => {
    const first15 = 'RSSMRA80A01H5LM';
    expect(crossCheckCodiceFiscale(first15 + codiceFiscaleCheckCharacter(first15), rossi)).toEqual([]);
  });

  it('when the check character is wrong, then the code itself is the mismatch', () => {
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501A', rossi)).toEqual([
      { field: 'codiceFiscale', problem: 'check-character', message: expect.objectContaining({ en: expect.stringContaining('check character') }) },
    ]);
    expect(crossCheckCodiceFiscale('RSSMRA80', rossi)[0]).toMatchObject({ field: 'codiceFiscale', problem: 'length' });
  });

  it('when the birth day, month or year differs, then birthDate is named with both values', () => {
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { ...rossi, birthDate: '1980-01-02' })).toEqual([
      { field: 'birthDate', inCode: '80-01-01', inRecord: '80-01-02', message: expect.objectContaining({ it: expect.stringContaining('data di nascita') }) },
    ]);
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { ...rossi, birthDate: '1980-02-01' })[0]).toMatchObject({ field: 'birthDate', inRecord: '80-02-01' });
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { ...rossi, birthDate: '1981-01-01' })[0]).toMatchObject({ field: 'birthDate', inRecord: '81-01-01' });
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { ...rossi, birthDate: '01/01/1980' })[0]).toMatchObject({ field: 'birthDate', inRecord: '01/01/1980' });
  });

  it('when the sex differs, then sex is named', () => {
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { ...rossi, sex: 'F' })).toEqual([
      expect.objectContaining({ field: 'sex', inCode: 'M', inRecord: 'F' }),
    ]);
  });

  it('when the birthplace differs or is not a birthplace code, then birthplaceCode is named', () => {
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { ...rossi, birthplaceCode: 'F205' })).toEqual([
      expect.objectContaining({ field: 'birthplaceCode', inCode: 'H501', inRecord: 'F205' }),
    ]);
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { ...rossi, birthplaceCode: 'Roma' })[0]).toMatchObject({ field: 'birthplaceCode', inRecord: 'ROMA' });
  });

  it('when the family or given name gives other letters, then that name is named with both three-letter codes', () => {
    // Russo also gives RSS: the code cannot tell it from Rossi.
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { ...rossi, familyName: 'Russo' })).toEqual([]);
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { ...rossi, familyName: 'Rosa' })).toEqual([
      expect.objectContaining({ field: 'familyName', inCode: 'RSS', inRecord: 'RSO' }),
    ]);
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { ...rossi, givenName: 'Maria' })).toEqual([]);
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { ...rossi, givenName: 'Marco' })).toEqual([
      expect.objectContaining({ field: 'givenName', inCode: 'MRA', inRecord: 'MRC' }),
    ]);
  });

  it('when a given name has four or more consonants, then the 1st, 3rd and 4th are compared', () => {
    const giancarlo = computeCodiceFiscale({ familyName: 'Fo', givenName: 'Giancarlo', birthDate: '1950-01-01', sex: 'M', birthplaceCode: 'F205' });
    expect(giancarlo.slice(3, 6)).toBe('GCR');
    expect(crossCheckCodiceFiscale(giancarlo, { givenName: 'Gianfranco', birthDate: '1950-01-01', sex: 'M' })).toEqual([
      expect.objectContaining({ field: 'givenName', inCode: 'GCR', inRecord: 'GFR' }),
    ]);
  });

  it('when everything differs, then every field is named once, in a fixed order', () => {
    const fields = crossCheckCodiceFiscale('RSSMRA80A01H501U', {
      familyName: 'Bianchi',
      givenName: 'Luca',
      birthDate: '1975-06-15',
      sex: 'F',
      birthplaceCode: 'Z404',
    }).map((m) => m.field);
    expect(fields).toEqual(['birthDate', 'sex', 'birthplaceCode', 'familyName', 'givenName']);
  });

  it('when names and birthplace are missing or blank, then they are not compared', () => {
    expect(crossCheckCodiceFiscale('RSSMRA80A01H501U', { birthDate: '1980-01-01', sex: 'M', familyName: '  ', birthplaceCode: '' })).toEqual([]);
  });
});
