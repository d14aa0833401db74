/** Why a typed number could not be read. */
export type DecimalParseFailure = 'empty' | 'invalid-character' | 'several-separators' | 'misplaced-separator';

/** A number read from what a person typed, or why it could not be. */
export type DecimalParse = { ok: true; value: number } | { ok: false; reason: DecimalParseFailure };

/**
 * Reads a decimal number typed by a person, with a comma (Italian, "36,8") or
 * a point ("36.8") as the decimal separator and an optional sign. Refuses
 * rather than guesses: "3,,6" and "36.8.1" have several separators, "36," and
 * ",5" a separator without digits on one side, "36 8" or "37°" a character
 * that is not part of a number. No thousands separators: a vital sign never
 * needs them, and "1.000" would be ambiguous (it is read as 1).
 */
export function parseDecimal(text: string): DecimalParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const sign = trimmed[0] === '-' ? -1 : 1;
  const body = trimmed[0] === '-' || trimmed[0] === '+' ? trimmed.slice(1) : trimmed;
  if (!/^[0-9.,]+$/.test(body)) return { ok: false, reason: 'invalid-character' };
  if ((body.match(/[.,]/g)?.length ?? 0) > 1) return { ok: false, reason: 'several-separators' };
  if (!/^[0-9]+([.,][0-9]+)?$/.test(body)) return { ok: false, reason: 'misplaced-separator' };
  // `+ 0` turns -0 into 0.
  return { ok: true, value: sign * Number(body.replace(',', '.')) + 0 };
}
