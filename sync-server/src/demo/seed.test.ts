import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, localDate, type CollectionName } from '@prossima/domain';
import { UserStore } from '../auth/user-store';
import { districtDatabase } from '../store/couch-store';
import { DocumentValidator } from '../sync/document-validator';
import { startTestServer, type TestServer } from '../testing/test-server';
import { DEMO_DISTRICTS, DEMO_PATIENTS } from './demo-people';
import { seedDemoData } from './seed';

type Doc = Record<string, any> & { _id: string };

describe('demo data', () => {
  let server: TestServer;
  const today = localDate(new Date());
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function docsOf(districtId: string, collection: CollectionName): Promise<Doc[]> {
    const answer = await server.store.request<{ rows: { doc: Doc }[] }>({
      db: districtDatabase(districtId, collection),
      path: '_all_docs',
      qs: { include_docs: 'true' },
    });
    return answer.rows.map((row) => row.doc);
  }

  it('when the demo is seeded, then every document of every collection passes its domain schema', async () => {
    const validator = new DocumentValidator();
    const problems: string[] = [];
    for (const district of DEMO_DISTRICTS) {
      for (const collection of COLLECTIONS) {
        const docs = await docsOf(district.id, collection);
        for (const doc of docs) {
          const problem = validator.problemOf(collection, doc);
          if (problem) problems.push(`${collection}/${doc._id}: ${problem}`);
          expect(doc.districtId).toBe(district.id);
        }
        if (district.id === 'distretto-a') expect(docs.length, `${collection} in district A`).toBeGreaterThan(0);
      }
    }
    expect(problems).toEqual([]);
  });

  it('when the demo is seeded again, the same day or the next, then nothing is duplicated and only the new day is added', async () => {
    const users = new UserStore(server.store);
    expect(await seedDemoData(server.store, users)).toEqual({ created: 0 });
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 24 * 3600_000);
    // The day after tomorrow: one round per nurse (3) and one planned visit per patient (11).
    expect(await seedDemoData(server.store, users, tomorrow)).toEqual({ created: 3 + DEMO_PATIENTS.length });
    expect(await seedDemoData(server.store, users, tomorrow)).toEqual({ created: 0 });
  });

  it('when a patient is seeded, then he has one active PAI with coded needs, dated goals and interventions with a frequency and a role', async () => {
    for (const district of DEMO_DISTRICTS) {
      const plans = await docsOf(district.id, 'careplans');
      const patients = DEMO_PATIENTS.filter((p) => p.districtId === district.id);
      expect(plans.map((plan) => plan.patientId).sort()).toEqual(patients.map((p) => p.id).sort());
      for (const plan of plans) {
        expect(plan.status).toBe('active');
        expect(plan.needs.length).toBeGreaterThan(0);
        expect(plan.goals.every((goal: Doc) => goal.text.length > 10)).toBe(true);
        expect(plan.interventions.every((i: Doc) => i.frequency.kind && i.responsibleRole && i.startDate)).toBe(true);
      }
    }
  });

  it("when a nurse's rounds are seeded, then today's and tomorrow's are published and their stops are her planned visits", async () => {
    const rounds = await docsOf('distretto-a', 'rounds');
    const visits = await docsOf('distretto-a', 'visits');
    const rossiToday = rounds.find((r) => r.nurseId === 'u-ifec-rossi' && r.date === today);
    expect(rossiToday).toMatchObject({ status: 'published', updatedBy: 'u-cot-neri' });
    const planned = visits.filter((v) => v.nurseId === 'u-ifec-rossi' && v.date === today).sort((a, b) => a.order - b.order);
    expect(rossiToday!.stops).toEqual(
      planned.map((v) => ({ patientId: v.patientId, order: v.order, windowStart: v.windowStart, windowEnd: v.windowEnd, tasks: v.tasks })),
    );
    expect(rounds.filter((r) => r.nurseId === 'u-ifec-bianchi').length).toBeGreaterThanOrEqual(2);
  });

  it('when past observations are seeded, then they are LOINC-coded with UCUM units, blood pressure as a panel', async () => {
    const observations = await docsOf('distretto-a', 'observations');
    const units: Record<string, string> = { '8867-4': '/min', '59408-5': '%', '8310-5': 'Cel', '29463-7': 'kg' };
    for (const obs of observations) {
      if (obs.code === '85354-9') {
        expect(obs.components.map((c: Doc) => [c.code, c.unit])).toEqual([['8480-6', 'mm[Hg]'], ['8462-4', 'mm[Hg]']]);
      } else {
        expect(obs.unit).toBe(units[obs.code]);
      }
      expect(Date.parse(obs.effectiveAt)).toBeLessThan(Date.now());
    }
    const fromKit = observations.filter((o) => o.source.kind === 'device');
    expect(fromKit.length).toBeGreaterThan(0);
    expect(fromKit.every((o) => o.patientId === 'pat-a-001' && o.updatedBy === 'u-paz-esposito')).toBe(true);
  });

  it('when assessments are seeded, then each Barthel total is the sum of its items and its band follows Shah 1989', async () => {
    const barthel = (await docsOf('distretto-a', 'assessments')).filter((a) => a.instrumentId === 'barthel');
    expect(barthel.length).toBe(DEMO_PATIENTS.filter((p) => p.districtId === 'distretto-a').length);
    for (const a of barthel) {
      expect(a.total).toBe(a.answers.reduce((sum: number, answer: Doc) => sum + Number(answer.value), 0));
      expect(a.convention).toBe('shah-1989');
      const band = a.total <= 20 ? 'total' : a.total <= 60 ? 'severe' : a.total <= 90 ? 'moderate' : a.total < 100 ? 'slight' : 'independent';
      expect(a.band).toBe(band);
    }
  });

  it("when devices, the review and the referral are seeded, then the kits, dist.verdi's review and a protected discharge are there", async () => {
    const devices = await docsOf('distretto-a', 'devices');
    expect(devices.filter((d) => d.patientId === 'pat-a-001').map((d) => d.kind).sort()).toEqual(['blood-pressure', 'pulse-oximeter']);
    expect(devices.filter((d) => d.ownerId === 'u-ifec-rossi' && d.patientId === undefined).length).toBeGreaterThan(0);
    const [review] = await docsOf('distretto-a', 'reviews');
    expect(review).toMatchObject({ updatedBy: 'u-dist-verdi', patientId: 'pat-a-001', subject: { collection: 'observations' } });
    const observations = await docsOf('distretto-a', 'observations');
    expect(observations.some((o) => o._id === review.subject.id)).toBe(true);
    const [referral] = await docsOf('distretto-a', 'referrals');
    expect(referral).toMatchObject({ kind: 'protected-discharge', districtId: 'distretto-a', updatedBy: 'u-cot-neri' });
  });
});
