import type { InstrumentDefinition } from '../instrument-types';

/**
 * Test helper: answer every applicable item with its highest- (`max`) or
 * lowest-scoring (`min`) option, then apply `overrides` (`undefined` removes an
 * answer). Conditional items are answered only when their condition holds.
 */
export function answersAt(
  definition: InstrumentDefinition,
  level: 'max' | 'min',
  overrides: Record<string, string | number | undefined> = {},
): Record<string, string | number> {
  const answers: Record<string, string | number> = {};
  for (const item of definition.items) {
    if (item.id in overrides) {
      const value = overrides[item.id];
      if (value !== undefined) answers[item.id] = value;
      continue;
    }
    if (item.condition && !item.condition.anyOf.includes(String(answers[item.condition.itemId]))) continue;
    const sorted = [...item.options].sort((a, b) => a.points - b.points);
    answers[item.id] = (level === 'max' ? sorted[sorted.length - 1] : sorted[0]).value;
  }
  return answers;
}
