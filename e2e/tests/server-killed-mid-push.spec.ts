import { expect, pagesFor, test } from '../fixtures';
import { OwnServer } from '../own-server';

// The server dies after storing a push but before answering it, then comes back:
// the tablet must retry by itself and every edit must be stored exactly once.
test('when the server is killed in the middle of a push and restarted, then every edit arrives once', async ({ browser }) => {
  test.setTimeout(180_000);
  const server = new OwnServer(8183);
  await server.start();
  const context = await browser.newContext({ baseURL: server.baseUrl });
  try {
    const nurse = pagesFor(await context.newPage());
    const { page, login, today, patient, visit } = nurse;
    await login.signIn('ifec.rossi');
    await expect(today.patientLinks()).toHaveCount(5);
    await expect(today.status()).toContainText('Nessuna modifica in attesa');

    const notes = new Map<string, string>([
      ['Antonio Esposito', `Esposito: parametri stabili ${Date.now()}`],
      ['Maria Zanetti', `Zanetti: medicazione eseguita ${Date.now()}`],
      ['Giuseppe Bortolami', `Bortolami: SpO2 94% ${Date.now()}`],
    ]);
    await context.setOffline(true);
    const visitIds: string[] = [];
    for (const [name, note] of notes) {
      await page.goto('/oggi');
      await today.openPatient(name);
      await patient.openTodaysVisitNote();
      visitIds.push(decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!));
      await visit.writeNote(note);
    }
    await expect(today.status()).toContainText('3 modifiche in attesa');

    // The first push reaches the server and is stored; the server dies before the tablet hears back.
    let killed!: () => void;
    const serverKilled = new Promise<void>((resolve) => (killed = resolve));
    let intercepted = false;
    await context.route('**/sync/visits/_bulk_docs', async (route) => {
      if (intercepted) return route.continue();
      intercepted = true;
      await route.fetch();
      await server.kill();
      killed();
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    await serverKilled;
    await expect(today.status()).not.toContainText('Nessuna modifica in attesa');

    await server.start();
    await expect(today.status()).toContainText('Nessuna modifica in attesa', { timeout: 120_000 });

    for (const [i, note] of [...notes.values()].entries()) {
      const stored = await server.api('ifec.rossi', `/sync/visits/${visitIds[i]}`);
      expect(stored.note, JSON.stringify({ id: visitIds[i], stored })).toBe(note);
    }
    for (const [i, patientId] of ['pat-a-001', 'pat-a-002', 'pat-a-003'].entries()) {
      const audit = await server.api('cot.neri', `/api/audit?patientId=${patientId}&limit=100`);
      const writes = audit.entries.filter((e: { docId: string; action: string }) => e.docId === visitIds[i] && e.action === 'update');
      expect(writes, `writes of ${visitIds[i]}`).toHaveLength(1);
    }
  } finally {
    await context.close();
    await server.stop();
  }
});
