import { describe, expect, it } from 'vitest';
import { codiceFiscaleCheckCharacter, computeCodiceFiscale, parseCodiceFiscale } from './codice-fiscale';

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
