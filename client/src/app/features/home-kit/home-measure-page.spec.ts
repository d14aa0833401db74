import { provideHttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DeviceFamily } from '@prossima/device-bridge';
import type { ObservationDoc, PatientDoc } from '@prossima/domain';
import { of } from 'rxjs';
import { FakeClock, patient, provideClock, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { LocalRecords } from '../../core/database/local-records';
import { Connectivity } from '../../core/network/connectivity';
import { LocalWrites } from '../../core/sync/local-writes';
import { PendingChanges } from '../../core/sync/pending-changes';
import { HomeMeasurePage } from './home-measure-page';
import { MARIO, observation, pressurePanel } from './home-kit-test-data';
import { MeasurePanelComponent } from '../devices/measure-panel';
import { MeasurementSession } from '../devices/measurement-session';

/** What the fake device panel stores when «Misura» is pressed. */
let deviceReading: ObservationDoc[] = [];

/** Stands in for the devices feature's MeasurePanelComponent (same selector, inputs and output; its own spec covers it). */
@Component({
  selector: 'app-measure-panel',
  template: `<p class="fake-panel">Pannello di {{ patient().givenName }}: {{ families().join(', ') }}</p>
    <button type="button" (click)="saved.emit(reading)">Misura</button>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class FakeMeasurePanel {
  readonly patient = input.required<PatientDoc>();
  readonly families = input<readonly DeviceFamily[]>([]);
  readonly saved = output<ObservationDoc[]>();
  protected readonly reading = deviceReading;
}

describe('HomeMeasurePage', () => {
  let pending: PendingChanges;

  function setUp({ supported = true }: { supported?: boolean } = {}) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([]),
        provideTestTranslations(),
        provideMemoryStorage(),
        provideClock(new FakeClock(new Date('2025-11-22T06:30:00.000Z'))),
        { provide: MeasurementSession, useValue: { isSupported: () => supported } satisfies Partial<MeasurementSession> },
        {
          provide: LocalRecords,
          useValue: { patient$: (id: string) => of(id === 'p-mario' ? patient() : null) } satisfies Partial<LocalRecords>,
        },
        {
          provide: LocalWrites,
          useValue: {
            // As the real one: recorded as pending first, then written.
            insert: async (collection: 'observations', doc: ObservationDoc) => {
              TestBed.inject(PendingChanges).record({ collection, id: doc.id, updatedAt: doc.updatedAt });
              return doc;
            },
          } as unknown as LocalWrites,
        },
      ],
    });
    TestBed.overrideComponent(HomeMeasurePage, { remove: { imports: [MeasurePanelComponent] }, add: { imports: [FakeMeasurePanel] } });
    TestBed.inject(AuthStore).writeSession({ user: MARIO, refreshToken: 'r' });
    pending = TestBed.inject(PendingChanges);
    pending.bindUser(MARIO.id);
  }

  async function render(kind: string) {
    const fixture = TestBed.createComponent(HomeMeasurePage);
    fixture.componentRef.setInput('kind', kind);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r));
      await fixture.whenStable();
    };
    const click = async (name: string) => {
      const button = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
      if (!button) throw new Error(`no button "${name}"`);
      button.click();
      await settle();
    };
    return { fixture, el, click, settle };
  }

  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    deviceReading = [pressurePanel(128, 82, { id: 'obs-dev-1-bp' }), observation({ id: 'obs-dev-1-hr', code: '8867-4', value: 72, unit: '/min' })];
  });

  it('when blood pressure is opened, then numbered plain steps come first and the device panel follows', async () => {
    setUp();
    const { el } = await render('pressione');
    expect(text(el.querySelector('h1'))).toBe('Misura la pressione');
    const steps = Array.from(el.querySelectorAll('ol.steps li')).map((li) => text(li));
    expect(steps).toEqual([
      'Siediti e riposa 5 minuti, con la schiena appoggiata e i piedi a terra.',
      'Infila il bracciale sul braccio sinistro, due dita sopra il gomito, e appoggia il braccio sul tavolo.',
      'Qui sotto scegli il tuo misuratore e premi «Avvia la misura». Resta fermo, senza parlare, finché il bracciale si sgonfia, poi premi «Salva la misura».',
    ]);
    expect(el.querySelector('ol.steps')?.tagName).toBe('OL');
    // The panel offers only the devices that measure blood pressure.
    expect(text(el.querySelector('.fake-panel'))).toBe('Pannello di Mario: blood-pressure, multiparameter');
    // The manual entry waits behind a disclosure button.
    expect(el.querySelector('app-home-manual-form')).toBeNull();
    const toggle = Array.from(el.querySelectorAll('button')).find((b) => b.getAttribute('aria-controls') === 'home-manual')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('when the browser has no Web Bluetooth, then it says so plainly and offers the manual entry at once', async () => {
    setUp({ supported: false });
    const { el } = await render('pressione');
    expect(text(el.querySelector('.notice'))).toBe(
      'Questo telefono o browser non può collegarsi ai dispositivi: puoi scrivere il valore a mano.',
    );
    expect(el.querySelector('.fake-panel')).toBeNull();
    expect(text(el.querySelector('.manual h2'))).toBe('Scrivi il valore a mano');
    expect(el.querySelector('app-home-manual-form input')).not.toBeNull();
    const lastStep = Array.from(el.querySelectorAll('ol.steps li')).at(-1);
    expect(text(lastStep)).toBe(
      'Premi il tasto del misuratore e resta fermo finché il bracciale si sgonfia. Poi scrivi qui sotto i numeri che vedi e premi «Salva la misura».',
    );
  });

  it('when an ECG is asked for on a browser without Web Bluetooth, then it says it needs the device, with no form', async () => {
    setUp({ supported: false });
    const { el } = await render('ecg');
    expect(text(el.querySelector('.notice'))).toBe(
      'Questo telefono o browser non può collegarsi ai dispositivi. Usa il tablet del kit oppure chiama il tuo infermiere.',
    );
    expect(el.querySelector('app-home-manual-form form')).toBeNull();
  });

  it('when the device saved a reading offline, then the result is big, in range, and will be sent when connected', async () => {
    setUp();
    TestBed.inject(Connectivity).reportServerReachable(false);
    pending.record({ collection: 'observations', id: 'obs-dev-1-bp', updatedAt: '2025-11-22T06:30:00.000Z' });
    const { el, click, fixture } = await render('pressione');
    await click('Misura');
    expect(text(el.querySelector('.result h2'))).toBe('Il risultato');
    expect(document.activeElement).toBe(el.querySelector('.result h2'));
    expect(text(el.querySelector('.big-value'))).toBe('128/82 mmHg');
    expect(text(el.querySelector('.others'))).toBe('Frequenza cardiaca: 72 bpm');
    expect(text(el.querySelector('.range'))).toBe('✓ Valore nella norma');
    expect(text(el.querySelector('.delivery'))).toBe('Misura salvata. Sarà inviata al tuo infermiere appena c’è connessione.');
    expect(el.querySelector('.delivery')?.getAttribute('role')).toBe('status');
    expect(el.querySelector('ol.steps')).toBeNull();

    // The sync sends it: the same status line says so.
    pending.markSent('observations', 'obs-dev-1-bp', '2025-11-22T06:30:00.000Z');
    await fixture.whenStable();
    expect(text(el.querySelector('.delivery'))).toBe('Misura salvata e inviata al tuo infermiere.');
  });

  it('when nothing saved is waiting to be sent, then the confirmation says it was sent', async () => {
    setUp();
    const { el, click } = await render('pressione');
    await click('Misura');
    expect(text(el.querySelector('.delivery'))).toBe('Misura salvata e inviata al tuo infermiere.');
  });

  it('when the reading is outside the limits, then the message says the nurse will see it, without a diagnosis', async () => {
    deviceReading = [pressurePanel(165, 98, { id: 'obs-dev-2-bp' })];
    setUp();
    const { el, click } = await render('pressione');
    await click('Misura');
    expect(text(el.querySelector('.big-value'))).toBe('165/98 mmHg');
    expect(text(el.querySelector('.range'))).toBe('⚠ Valore fuori dai limiti: il tuo infermiere lo vedrà');
  });

  it('when the temperature is typed by hand and saved online, then it is on its way, and «Misura di nuovo» starts again', async () => {
    setUp({ supported: false });
    const { el, click, settle } = await render('temperatura');
    const input = el.querySelector<HTMLInputElement>('app-home-manual-form input')!;
    input.value = '36,8';
    input.dispatchEvent(new Event('input'));
    await settle();
    await click('Salva la misura');
    expect(text(el.querySelector('.big-value'))).toBe('36,8 °C');
    expect(text(el.querySelector('.delivery'))).toBe('Misura salvata. La stiamo inviando al tuo infermiere…');
    await click('Misura di nuovo');
    expect(el.querySelector('.result')).toBeNull();
    expect(el.querySelector('app-home-manual-form input')).not.toBeNull();
  });

  it('when the address names no measurement, then the page says so', async () => {
    setUp();
    const { el } = await render('glicemia');
    expect(text(el.querySelector('h1'))).toBe('Misura non trovata');
  });
});
