import { describe, expect, it } from 'vitest';
import { accessSelector, canWriteCollection, rightsOf } from './access';
import type { SessionUser } from './roles';

const nurse: SessionUser = { id: 'u-n', username: 'n', displayName: 'N', role: 'nurse', districtId: 'distretto-a' };
const patient: SessionUser = { id: 'u-p', username: 'p', displayName: 'P', role: 'patient', districtId: 'distretto-a', patientId: 'pat-1' };
const admin: SessionUser = { id: 'u-a', username: 'a', displayName: 'A', role: 'admin', districtId: null };
const context = { careTeamPatientIds: ['pat-1', 'pat-2'] };

describe('access rules', () => {
  it('when a nurse reads patients, then the selector is her care team in her district', () => {
    expect(accessSelector(nurse, 'patients', 'read', context)).toEqual({ districtId: 'distretto-a', careTeam: { $elemMatch: { $eq: 'u-n' } } });
  });

  it("when a nurse reads visits, then the selector is her care team's patients", () => {
    expect(accessSelector(nurse, 'visits', 'read', context)).toEqual({ districtId: 'distretto-a', patientId: { $in: ['pat-1', 'pat-2'] } });
  });

  it('when a patient reads patients, then only his own document; visits, nothing', () => {
    expect(accessSelector(patient, 'patients', 'read', context)).toEqual({ districtId: 'distretto-a', _id: 'pat-1' });
    expect(accessSelector(patient, 'visits', 'read', context)).toBeNull();
  });

  it('when the administrator asks for clinical collections, then there is no right at all', () => {
    expect(accessSelector(admin, 'patients', 'read', context)).toBeNull();
    expect(rightsOf('admin', 'visits')).toEqual({});
  });

  it('when the screen asks who may write, then the table answers per role', () => {
    expect(canWriteCollection('nurse', 'visits')).toBe(true);
    expect(canWriteCollection('nurse', 'patients')).toBe(false);
    expect(canWriteCollection('coordinator', 'patients')).toBe(true);
    expect(canWriteCollection('district-nurse', 'visits')).toBe(false);
  });
});
