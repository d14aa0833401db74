import type { AssessmentDoc, ObservationDoc } from '@prossima/domain';
import { patient, visit } from '../../../testing/test-helpers';
import { patientLine, vitalLine, visitSummary } from './visit-report';

const obs = (fields: Partial<ObservationDoc>): ObservationDoc => ({
  id: 'o', districtId: 'd', patientId: 'p-mario', code: '8310-5', effectiveAt: '2025-11-22T09:00:00.000Z', source: { kind: 'manual' },
  updatedAt: '2025-11-22T09:00:00.000Z', updatedBy: 'u', ...fields,
});

describe('visit report', () => {
  it('when vitals are listed, then they read in Italian with units (blood pressure as one line)', () => {
    expect(vitalLine(obs({ code: '8310-5', value: 36.8, unit: 'Cel' }))).toEqual({ label: 'Temperatura corporea', value: '36,8 °C' });
    expect(
      vitalLine(obs({ code: '85354-9', components: [{ code: '8480-6', value: 130, unit: 'mm[Hg]' }, { code: '8462-4', value: 80, unit: 'mm[Hg]' }] })),
    ).toEqual({ label: 'Pressione arteriosa', value: '130/80 mmHg' });
  });

  it('when the visit has results, scores and vitals, then only those of this visit are summarised, in Italian', () => {
    const v = visit({
      id: 'v-1', note: 'Tutto bene', paiProposal: 'Ridurre le medicazioni',
      taskResults: [{ interventionId: 'i1', label: 'Medicazione', outcome: 'not-done', reason: 'Paziente assente' }],
    });
    const barthel = { id: 'a', visitId: 'v-1', instrumentId: 'barthel', total: 80, band: 'moderate', convention: 'shah-1989' } as AssessmentDoc;
    const other = { ...barthel, id: 'b', visitId: 'v-2' };
    const summary = visitSummary(v, [barthel, other], [obs({ visitId: 'v-1', value: 36.8, unit: 'Cel' }), obs({ visitId: 'v-9', value: 37 })]);
    expect(summary.tasks).toEqual([{ label: 'Medicazione', outcome: 'Non eseguita', detail: 'Paziente assente' }]);
    expect(summary.scores).toHaveLength(1);
    expect(summary.scores[0]).toMatchObject({ total: 80 });
    expect(summary.scores[0].instrument).toMatch(/Barthel/);
    expect(summary.vitals).toHaveLength(1);
    expect(summary).toMatchObject({ note: 'Tutto bene', proposal: 'Ridurre le medicazioni' });
  });

  it('when the patient line is built, then it has name, birth date in Italian form and codice fiscale', () => {
    expect(patientLine(patient({ givenName: 'Anna', familyName: 'Verdi', sex: 'F', birthDate: '1940-01-31', codiceFiscale: 'VRDNNA40A71H501X' }))).toBe(
      'Anna Verdi, nata il 31/01/1940 — CF VRDNNA40A71H501X',
    );
  });
});
