import { TestBed } from '@angular/core/testing';
import { provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { formatTime } from '../i18n/format';
import { PendingChanges } from './pending-changes';
import { SyncRefusals } from './sync-refusals';
import { SyncStatus } from './sync-status';
import { SyncStatusBar } from './sync-status-bar';

describe('SyncStatusBar', () => {
  let status: SyncStatus;

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(SyncStatusBar);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function text(): Promise<string> {
    const el = await render();
    const region = el.querySelector('[role="status"]');
    expect(region).not.toBeNull();
    return (region?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideTestTranslations(), provideMemoryStorage()] });
    status = TestBed.inject(SyncStatus);
    status.bindUser('u-anna');
  });

  afterEach(() => window.dispatchEvent(new Event('online')));

  it('when online with nothing pending and never synced, then it says so in the status region', async () => {
    expect(await text()).toBe('Online Nessuna modifica in attesa Mai sincronizzato');
  });

  it('when the browser goes offline, then it shows "Offline"', async () => {
    window.dispatchEvent(new Event('offline'));
    const shown = await text();
    expect(shown).toContain('Offline');
    expect(shown).not.toContain('Online');
  });

  it('when the server cannot be reached, then it shows "Offline" although the browser has a network', async () => {
    const { Connectivity } = await import('../network/connectivity');
    TestBed.inject(Connectivity).reportServerReachable(false);
    expect(await text()).toContain('Offline');
  });

  it('when one change is pending, then it shows "1 modifica in attesa"', async () => {
    TestBed.inject(PendingChanges).record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' });
    expect(await text()).toContain('1 modifica in attesa');
  });

  it('when three changes are pending, then it shows "3 modifiche in attesa"', async () => {
    const pending = TestBed.inject(PendingChanges);
    for (const id of ['v-1', 'v-2', 'v-3']) pending.record({ collection: 'visits', id, updatedAt: '2025-11-22T09:00:00.000Z' });
    expect(await text()).toContain('3 modifiche in attesa');
  });

  it('when a sync succeeded, then it shows the time as "Ultima sincronizzazione: HH:MM"', async () => {
    const at = new Date(2025, 10, 22, 9, 41);
    status.markSynced(at);
    const shown = await text();
    expect(shown).toContain(`Ultima sincronizzazione: ${formatTime(at, 'it')}`);
    expect(shown).toMatch(/Ultima sincronizzazione: \d{2}:\d{2}/);
    expect(shown).not.toContain('Mai sincronizzato');
  });

  it('when a sync error happened after the last success, then the error is shown translated', async () => {
    status.reportProblem('server-unavailable', new Date());
    expect(await text()).toContain('Ultimo errore: Server temporaneamente non disponibile');
  });

  it('when the first sync runs with a known total, then it shows how many documents came of how many', async () => {
    status.setSyncing(true);
    status.startProgress(20_000);
    status.addPulled(1_000);
    status.addPulled(200);
    expect(await text()).toContain('Prima sincronizzazione: 1.200 / 20.000');
  });

  it('when the first sync ends, then the progress goes and the time of the sync shows', async () => {
    status.setSyncing(true);
    status.startProgress(10);
    status.addPulled(10);
    status.markSynced(new Date(2025, 10, 22, 9, 41));
    status.setSyncing(false);
    const shown = await text();
    expect(shown).not.toContain('Prima sincronizzazione');
    expect(shown).toContain('Ultima sincronizzazione');
  });

  it('when the server refused a change, then the document and the server’s reason are shown, and the message can be dismissed', async () => {
    const refusals = TestBed.inject(SyncRefusals);
    refusals.record(
      { collection: 'visits', id: 'v-7', error: 'forbidden', reason: 'patient "p-x" is not in your care' },
      new Date('2025-11-22T09:00:00.000Z'),
    );
    const fixture = TestBed.createComponent(SyncStatusBar);
    await fixture.whenStable();
    const region = (fixture.nativeElement as HTMLElement).querySelector('[role="status"]')!;
    expect(region.textContent).toContain('Modifica non accettata dal server (Visita v-7): patient "p-x" is not in your care');
    const dismiss = region.querySelector('button')!;
    expect(dismiss.getAttribute('aria-label')).toBe('Nascondi il messaggio su Visita v-7');
    dismiss.click();
    await fixture.whenStable();
    expect(region.textContent).not.toContain('v-7');
    expect(refusals.entries()).toEqual([]);
  });

  it('when English is active, then the texts are English', async () => {
    const { TranslateService } = await import('@ngx-translate/core');
    TestBed.inject(TranslateService).use('en');
    TestBed.inject(PendingChanges).record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' });
    expect(await text()).toBe('Online 1 change waiting Never synced');
  });
});
