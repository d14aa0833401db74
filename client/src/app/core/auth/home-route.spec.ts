import { NURSE } from '../../../testing/test-helpers';
import { homeUrl } from './home-route';

describe('homeUrl', () => {
  it('when a nurse signs in, then she lands on today’s round', () => {
    expect(homeUrl(NURSE)).toBe('/oggi');
  });

  it('when a district nurse or coordinator signs in, then they land on the patient list', () => {
    expect(homeUrl({ ...NURSE, role: 'district-nurse' })).toBe('/pazienti');
    expect(homeUrl({ ...NURSE, role: 'coordinator' })).toBe('/pazienti');
  });

  it('when a patient signs in, then they land on their home kit', () => {
    expect(homeUrl({ ...NURSE, role: 'patient', patientId: 'p-mario' })).toBe('/casa');
  });

  it('when an administrator signs in, then they land on the administration page', () => {
    expect(homeUrl({ ...NURSE, role: 'admin', districtId: null })).toBe('/amministrazione');
  });
});
