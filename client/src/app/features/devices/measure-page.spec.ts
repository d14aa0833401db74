import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { patient } from '../../../testing/test-helpers';
import { LocalRecords } from '../../core/database/local-records';
import { driver, setUpDevices } from './devices-spec-setup';
import { MeasurePage } from './measure-page';
import { TrainingMode } from './training-mode';

describe('MeasurePage', () => {
  const records = (found = true) => [{ provide: LocalRecords, useValue: { patient$: () => of(found ? patient() : null) } }];

  async function render(inputs: Record<string, string>) {
    const fixture = TestBed.createComponent(MeasurePage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    return driver(fixture);
  }

  it('when opened from a visit, then it names the patient, leads back to the visit and hosts the measure panel', async () => {
    setUpDevices({ providers: records() });
    const { el, text } = await render({ patientId: 'p-mario', visita: 'v-1' });
    expect(text(el.querySelector('h1')!)).toBe('Misura con dispositivo — Mario Rossi');
    const back = Array.from(el.querySelectorAll('a')).find((a) => text(a) === 'Torna alla visita');
    expect(back?.getAttribute('href')).toBe('/visite/v-1');
    expect(el.querySelector('app-measure-panel h2')?.textContent).toContain('Misura con un dispositivo');
  });

  it('when a reading is saved, then it is listed on the page', async () => {
    setUpDevices({ providers: records() });
    const { el, click, until, text } = await render({ patientId: 'p-mario' });
    await click('Termometro');
    await click('Avvia la misura');
    await until(() => !!el.querySelector('.values'), 'the reading');
    await click('Salva la misura');
    await until(() => !!el.querySelector('#measure-page-saved'), 'the list');
    expect(text(el.querySelector('section[aria-labelledby="measure-page-saved"] ul')!)).toBe('Temperatura corporea: 36,8 °C');
  });

  it('when the address asks for the simulator, then the training mode turns on', async () => {
    setUpDevices({ training: false, providers: records() });
    await render({ patientId: 'p-mario', simulatore: '1' });
    expect(TestBed.inject(TrainingMode).enabled()).toBe(true);
  });

  it('when the patient is not on this device, then it says so', async () => {
    setUpDevices({ providers: records(false) });
    const { text } = await render({ patientId: 'p-nobody' });
    expect(text()).toContain('Questo paziente non è su questo dispositivo.');
  });
});
