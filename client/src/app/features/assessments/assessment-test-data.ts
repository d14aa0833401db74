// Test data of the assessment specs (imported by specs only).
import { answersToList, scoreInstrument, type AssessmentDoc, type InstrumentDefinition, type SessionUser } from '@prossima/domain';
import { generateDataKey, MIN_PBKDF2_ITERATIONS, WrappedDataKey, wrapDataKey } from '../../core/auth/data-key-wrap';
import { MemoryStore, userKey, writeJson } from '../../core/storage';
import { scoreDetails } from './assessment-record';

/** Every applicable item answered with its highest-scoring option, `overrides` first. */
export function fullAnswers(definition: InstrumentDefinition, overrides: Record<string, string> = {}): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const item of definition.items) {
    if (item.id in overrides) {
      answers[item.id] = overrides[item.id];
      continue;
    }
    if (item.condition && !item.condition.anyOf.includes(answers[item.condition.itemId])) continue;
    answers[item.id] = [...item.options].sort((a, b) => b.points - a.points)[0].value;
  }
  return answers;
}

/** A stored assessment of `definition` scored from `answers`, as the form would save it. */
export function storedAssessment(
  definition: InstrumentDefinition,
  answers: Record<string, string>,
  overrides: Partial<AssessmentDoc> = {},
): AssessmentDoc {
  const score = scoreInstrument(definition, answers);
  const details = scoreDetails(score);
  return {
    id: `asm-p-mario-${definition.id}-${overrides.takenAt ?? 'x'}`.toLowerCase().replace(/[^a-z0-9._:-]/g, ''),
    districtId: 'd-roma1',
    patientId: 'p-mario',
    instrumentId: definition.id,
    answers: answersToList(definition, answers),
    total: score.total,
    band: score.band?.code ?? '',
    convention: score.convention,
    ...(details.length > 0 ? { details } : {}),
    takenAt: '2025-11-12T09:00:00.000Z',
    updatedAt: '2025-11-12T09:00:00.000Z',
    updatedBy: 'u-anna',
    ...overrides,
  };
}

let wrapOnce: Promise<{ secret: string; wrap: WrappedDataKey }> | null = null;

/**
 * Local and tab storage of a device where `user` is signed in and their data
 * key is unlocked in this tab (as after a reload), so the real `DataKeyVault`
 * seals and unseals. The PBKDF2 wrap is made once per spec file.
 */
export async function unlockedDevice(user: SessionUser): Promise<{ local: MemoryStore; tab: MemoryStore; secret: string }> {
  wrapOnce ??= (async () => {
    const secret = generateDataKey(globalThis.crypto);
    return { secret, wrap: await wrapDataKey(globalThis.crypto, secret, 'prossima', user.id, MIN_PBKDF2_ITERATIONS) };
  })();
  const { secret, wrap } = await wrapOnce;
  const local = new MemoryStore();
  const tab = new MemoryStore();
  writeJson(local, 'prossima.session', { user, refreshToken: 'r' });
  writeJson(local, userKey('dataKey', user.id), wrap);
  tab.setItem(userKey('dataKey', user.id), secret);
  return { local, tab, secret };
}
