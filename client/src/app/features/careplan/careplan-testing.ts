// Test data of the PAI specs (not shipped: only specs import it).
import type { CareplanDoc, CareplanIntervention } from '@prossima/domain';

/** An intervention with sensible defaults (daily, by the nurse, from 2025-11-01). */
export function intervention(overrides: Partial<CareplanIntervention> = {}): CareplanIntervention {
  return {
    id: 'i-1',
    label: 'Medicazione lesione sacrale',
    frequency: { kind: 'daily' },
    responsibleRole: 'nurse',
    startDate: '2025-11-01',
    ...overrides,
  };
}

/** A care plan of Mario Rossi with sensible defaults (active, one daily intervention). */
export function careplan(overrides: Partial<CareplanDoc> = {}): CareplanDoc {
  return {
    id: 'cp-p-mario-1',
    districtId: 'd-roma1',
    patientId: 'p-mario',
    status: 'active',
    needs: [{ code: 'pressure-ulcers-grade-3-4', label: 'Lesioni da pressione di grado 3–4' }],
    goals: [{ id: 'g-1', text: 'Guarigione della lesione', targetDate: '2026-01-31' }],
    interventions: [intervention()],
    reviewDate: '2026-02-01',
    updatedAt: '2025-11-01T08:00:00.000Z',
    updatedBy: 'u-coord',
    ...overrides,
  };
}
