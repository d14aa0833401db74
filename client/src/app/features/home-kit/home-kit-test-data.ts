// Observations and users for the specs of this folder (plain data: no test framework here).
import type { ObservationDoc, SessionUser } from '@prossima/domain';

/** Mario Rossi's own account (role patient). */
export const MARIO: SessionUser = {
  id: 'u-mario',
  username: 'mario',
  displayName: 'Mario Rossi',
  role: 'patient',
  districtId: 'd-roma1',
  patientId: 'p-mario',
};

/** An observation of Mario Rossi with sensible defaults (a temperature he typed). */
export function observation(overrides: Partial<ObservationDoc> = {}): ObservationDoc {
  return {
    id: 'obs-p-mario-1-body-temperature',
    districtId: 'd-roma1',
    patientId: 'p-mario',
    code: '8310-5',
    value: 36.8,
    unit: 'Cel',
    effectiveAt: '2025-11-20T09:00:00.000Z',
    source: { kind: 'manual' },
    updatedAt: '2025-11-20T09:00:00.000Z',
    updatedBy: 'u-mario',
    ...overrides,
  };
}

/** A blood-pressure panel (85354-9) of Mario Rossi. */
export function pressurePanel(systolic: number, diastolic: number, overrides: Partial<ObservationDoc> = {}): ObservationDoc {
  const { value: _value, unit: _unit, ...base } = observation({ id: 'obs-p-mario-1-blood-pressure', code: '85354-9' });
  return {
    ...base,
    components: [
      { code: '8480-6', value: systolic, unit: 'mm[Hg]' },
      { code: '8462-4', value: diastolic, unit: 'mm[Hg]' },
    ],
    ...overrides,
  };
}
