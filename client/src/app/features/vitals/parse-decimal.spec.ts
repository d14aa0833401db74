import { parseDecimal } from './parse-decimal';

describe('parseDecimal', () => {
  it('when the decimal separator is an Italian comma, then the number is read', () => {
    expect(parseDecimal('36,8')).toEqual({ ok: true, value: 36.8 });
  });

  it('when the decimal separator is a point, then the number is read', () => {
    expect(parseDecimal('36.8')).toEqual({ ok: true, value: 36.8 });
  });

  it('when the number is whole or has spaces around it, then it is read', () => {
    expect(parseDecimal(' 120 ')).toEqual({ ok: true, value: 120 });
    expect(parseDecimal('0')).toEqual({ ok: true, value: 0 });
  });

  it('when a sign is typed, then it is kept (the vital check refuses what cannot be)', () => {
    expect(parseDecimal('-5')).toEqual({ ok: true, value: -5 });
    expect(parseDecimal('+7,5')).toEqual({ ok: true, value: 7.5 });
    expect(parseDecimal('-0')).toEqual({ ok: true, value: 0 });
  });

  it('when the text is empty or blank, then it is refused as empty', () => {
    expect(parseDecimal('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseDecimal('   ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('when there are several separators, then it is refused with that reason', () => {
    expect(parseDecimal('3,,6')).toEqual({ ok: false, reason: 'several-separators' });
    expect(parseDecimal('36.8.1')).toEqual({ ok: false, reason: 'several-separators' });
    expect(parseDecimal('1.000,5')).toEqual({ ok: false, reason: 'several-separators' });
  });

  it('when a separator has no digits on one side, then it is refused as misplaced', () => {
    expect(parseDecimal('36,')).toEqual({ ok: false, reason: 'misplaced-separator' });
    expect(parseDecimal(',5')).toEqual({ ok: false, reason: 'misplaced-separator' });
    expect(parseDecimal('.')).toEqual({ ok: false, reason: 'misplaced-separator' });
  });

  it('when a character is not part of a number, then it is refused as an invalid character', () => {
    expect(parseDecimal('37°')).toEqual({ ok: false, reason: 'invalid-character' });
    expect(parseDecimal('36 8')).toEqual({ ok: false, reason: 'invalid-character' });
    expect(parseDecimal('abc')).toEqual({ ok: false, reason: 'invalid-character' });
    expect(parseDecimal('1e3')).toEqual({ ok: false, reason: 'invalid-character' });
    expect(parseDecimal('--5')).toEqual({ ok: false, reason: 'invalid-character' });
    expect(parseDecimal('-')).toEqual({ ok: false, reason: 'invalid-character' });
  });
});
