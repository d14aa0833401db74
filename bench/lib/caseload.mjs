// A large, realistic caseload for one nurse, written straight into the store:
// patients in her care team with visits, observations and assessments, in the
// shape of the domain schemas (the server validates what tablets write, not
// what the benchmark seeds).
const NURSE = 'u-ifec-rossi';
const DISTRICT = 'distretto-a';
const FIRST = ['Anna', 'Bruno', 'Carla', 'Dario', 'Elisa', 'Fabio', 'Gina', 'Ugo', 'Ida', 'Luca'];
const LAST = ['Rossetto', 'Zanon', 'Bellin', 'Schiavon', 'Trevisan', 'Pavan', 'Mazzon', 'Cecchin', 'Baldan', 'Greggio'];

const at = (daysAgo, minutes = 540) => new Date(Date.UTC(2026, 10, 22) - daysAgo * 86_400_000 + minutes * 60_000).toISOString();
const date = (daysAgo) => at(daysAgo).slice(0, 10);

/** The documents per database for `total` documents (1 patient : 20 visits : 70 observations : 9 assessments, roughly). */
export function caseload(total) {
  const patients = Math.max(1, Math.round(total / 100));
  const perPatient = Math.floor((total - patients) / patients);
  const visitsPer = Math.round(perPatient * 0.2);
  const assessmentsPer = Math.round(perPatient * 0.09);
  const observationsPer = perPatient - visitsPer - assessmentsPer;
  const dbs = { patients: [], visits: [], observations: [], assessments: [] };
  for (let p = 0; p < patients; p++) {
    const id = `bench-pat-${String(p).padStart(5, '0')}`;
    dbs.patients.push({
      _id: id, districtId: DISTRICT, givenName: FIRST[p % 10], familyName: `${LAST[(p / 10) % 10 | 0]} ${p}`,
      codiceFiscale: 'RSSMRA80A01H501U', birthDate: '1940-01-01', sex: p % 2 ? 'F' : 'M',
      address: { street: `Via Roma ${p + 1}`, city: 'Padova', postalCode: '35121', province: 'PD' },
      careTeam: [NURSE], conditions: ['Scompenso cardiaco cronico', 'Diabete mellito tipo 2'], allergies: p % 3 ? [] : ['Penicillina'],
      paiSummary: 'Monitoraggio parametri vitali, educazione terapeutica, controllo glicemico settimanale.', status: 'active',
      updatedAt: at(400), updatedBy: 'u-cot-neri',
    });
    for (let v = 0; v < visitsPer; v++) {
      dbs.visits.push({
        _id: `bench-v-${id}-${v}`, districtId: DISTRICT, patientId: id, nurseId: NURSE, date: date(v * 3 + 1), order: 1 + (p % 8),
        windowStart: '09:00', windowEnd: '10:00', status: 'done', tasks: ['Parametri vitali', 'Medicazione'],
        note: `Visita ${v}: paziente vigile, parametri stabili, medicazione eseguita senza complicanze. Rinforzata l'educazione terapeutica.`,
        startedAt: at(v * 3 + 1), endedAt: at(v * 3 + 1, 580), updatedAt: at(v * 3 + 1, 580), updatedBy: NURSE,
      });
    }
    for (let o = 0; o < observationsPer; o++) {
      const kind = o % 4;
      dbs.observations.push({
        _id: `bench-o-${id}-${o}`, districtId: DISTRICT, patientId: id, effectiveAt: at(o), source: { kind: 'manual' }, updatedAt: at(o), updatedBy: NURSE,
        ...(kind === 0
          ? { code: '85354-9', components: [{ code: '8480-6', value: 120 + (o % 30), unit: 'mm[Hg]' }, { code: '8462-4', value: 70 + (o % 20), unit: 'mm[Hg]' }] }
          : kind === 1 ? { code: '8867-4', value: 60 + (o % 40), unit: '/min' }
          : kind === 2 ? { code: '59408-5', value: 90 + (o % 10), unit: '%' }
          : { code: '8310-5', value: 36 + (o % 20) / 10, unit: 'Cel' }),
      });
    }
    for (let a = 0; a < assessmentsPer; a++) {
      dbs.assessments.push({
        _id: `bench-a-${id}-${a}`, districtId: DISTRICT, patientId: id, instrumentId: 'barthel',
        answers: Array.from({ length: 10 }, (_, i) => ({ itemId: `item-${i}`, value: 5 })), total: 50, band: 'severe', convention: 'shah-1989',
        takenAt: at(a * 30), updatedAt: at(a * 30), updatedBy: NURSE,
      });
    }
  }
  return dbs;
}

/** Write a caseload into the store at `storeUrl` (databases `prossima-distretto-a-<collection>`), in bulk. */
export async function writeCaseload(storeUrl, dbs) {
  let count = 0;
  for (const [collection, docs] of Object.entries(dbs)) {
    const db = `${storeUrl}prossima-${DISTRICT}-${collection}`;
    await fetch(db, { method: 'PUT' });
    for (let i = 0; i < docs.length; i += 2000) {
      const response = await fetch(`${db}/_bulk_docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs: docs.slice(i, i + 2000) }) });
      if (!response.ok) throw new Error(`bulk ${collection}: ${response.status}`);
      count += Math.min(2000, docs.length - i);
    }
  }
  return count;
}
