import { expectAccessible, expect, pagesFor, test } from '../fixtures';

// One nurse on two tablets edits the same visit without network; both sync.
// The merge keeps every field, the later note wins, and the replaced note is
// kept in the conflict log that the coordinator reads.
test('when two tablets edit the same visit offline and both sync, then nothing is lost and the coordinator sees the conflict', async ({ browser }) => {
  const stamp = Date.now();
  const noteA = `Nota dal tablet A ${stamp}`;
  const noteB = `Nota dal tablet B ${stamp}`;
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [contextA, contextB, contextCoordinator] = contexts;
  try {
    const [a, b] = await Promise.all([contextA.newPage().then(pagesFor), contextB.newPage().then(pagesFor)]);
    for (const tablet of [a, b]) {
      await tablet.login.signIn('ifec.rossi');
      await tablet.today.openPatient('Maria Zanetti');
      await tablet.patient.openTodaysVisitNote();
      await expect(tablet.today.status()).toContainText('Nessuna modifica in attesa');
    }

    await contextA.setOffline(true);
    await contextB.setOffline(true);
    await a.visit.writeNote(noteA);
    await b.visit.writeNote(noteB);

    await contextA.setOffline(false);
    await expect(a.today.status()).toContainText('Nessuna modifica in attesa');
    await contextB.setOffline(false);
    await expect(b.today.status()).toContainText('Nessuna modifica in attesa');

    // Both tablets converge on the merged visit: the later note.
    await expect(b.visit.note()).toHaveValue(noteB);
    await expect(a.visit.note()).toHaveValue(noteB, { timeout: 30_000 });

    const coordinator = pagesFor(await contextCoordinator.newPage());
    await coordinator.login.signIn('cot.neri');
    await coordinator.page.getByRole('link', { name: 'Conflitti' }).click();
    await expect(coordinator.page.getByRole('heading', { level: 1, name: 'Conflitti di sincronizzazione' })).toBeVisible();
    const row = coordinator.page.getByRole('row').filter({ has: coordinator.page.getByRole('rowheader', { name: 'note' }) });
    await expect(row).toContainText(noteB);
    await expect(row).toContainText(noteA);
    await expectAccessible(coordinator.page);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
