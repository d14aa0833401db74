import { TestBed } from '@angular/core/testing';
import type { DeviceDoc, SessionUser } from '@prossima/domain';
import { driver, setUpDevices } from './devices-spec-setup';
import { DevicesPage } from './devices-page';
import { TrainingMode } from './training-mode';

const THERMOMETER: DeviceDoc = {
  id: 'dev-u-anna-thermo',
  districtId: 'd-roma1',
  ownerId: 'u-anna',
  kind: 'thermometer',
  model: 'ThermoCheck BLE',
  name: 'Termometro del kit',
  bluetoothId: 'Lm8Tq1Vx5Ce3Ko9Ys2fBnw==',
  pairedAt: '2025-11-01T09:30:00.000Z',
  lastSeenAt: '2025-11-21T08:15:00.000Z',
  batteryPercent: 91,
  status: 'active',
  updatedAt: '2025-11-01T09:30:00.000Z',
  updatedBy: 'u-anna',
};

describe('DevicesPage', () => {
  async function render() {
    const fixture = TestBed.createComponent(DevicesPage);
    await fixture.whenStable();
    return driver(fixture);
  }

  it('when the nurse opens it, then each of her devices shows its kind, model, battery and last reading', async () => {
    setUpDevices({ devices: [THERMOMETER] });
    const { el, text } = await render();
    expect(text(el.querySelector('h1')!)).toBe('Dispositivi');
    const card = el.querySelector('li.device')!;
    expect(text(card.querySelector('h3')!)).toBe('Termometro del kit');
    const facts = Array.from(card.querySelectorAll('dl div')).map((d) => `${text(d.querySelector('dt')!)}: ${text(d.querySelector('dd')!)}`);
    expect(facts.slice(0, 3)).toEqual(['Tipo: Termometro', 'Modello: ThermoCheck BLE', 'Batteria: 91 %']);
    expect(facts[3]).toMatch(/^Ultima lettura: 21\/11\/2025 \d{2}:15$/);
    expect(facts[4]).toBe('Stato: In uso');
    expect(card.querySelector('button')!.getAttribute('aria-label')).toBe('Leggi la batteria di Termometro del kit');
  });

  it('when the browser has no Bluetooth, then it says so plainly and links to the manual entry from the visit', async () => {
    setUpDevices({ training: false });
    const { el, text } = await render();
    expect(text()).toContain('Questo browser non supporta il Bluetooth: usa Chrome o Edge su Android o computer, oppure inserisci i valori a mano');
    const link = Array.from(el.querySelectorAll('a')).find((a) => text(a) === 'Inserisci i valori a mano dalla visita');
    expect(link?.getAttribute('href')).toBe('/oggi');
    expect(Array.from(el.querySelectorAll('button')).some((b) => text(b) === 'Associa un dispositivo')).toBe(false);
  });

  it('when a simulated thermometer is paired in the training mode, then a DeviceDoc is saved with its model marked "Simulatore" and its battery', async () => {
    const world = setUpDevices();
    const { el, click, until, statusText } = await render();
    const select = el.querySelector<HTMLSelectElement>('select')!;
    expect(select.closest('label')?.textContent).toContain('Dispositivo simulato');
    select.value = 'thermometer';
    select.dispatchEvent(new Event('change'));
    await click('Associa un dispositivo');
    await until(() => world.paired.length === 1, 'the pairing');
    expect(world.paired[0]).toEqual({
      bluetoothId: 'C0:FF:EE:00:00:02',
      name: 'Thermometer (simulated)',
      kind: 'thermometer',
      model: 'Simulatore Prossima Simulator TH-1',
      batteryPercent: 70,
    });
    await until(() => statusText().includes('Dispositivo associato: Thermometer (simulated)'), 'the notice');
  });

  it('when the battery of a device is read, then it is stored with the time of the reading', async () => {
    const world = setUpDevices({ devices: [THERMOMETER] });
    const { click, until, statusText } = await render();
    await click('Leggi la batteria di Termometro del kit');
    await until(() => world.uses.length === 1, 'the battery');
    expect(world.uses).toEqual([{ id: 'dev-u-anna-thermo', batteryPercent: 70 }]);
    await until(() => statusText().includes('Batteria di Termometro del kit: 70 %'), 'the notice');
  });

  it('when the training toggle is switched, then the mode follows it', async () => {
    setUpDevices({ training: false });
    const { el, settle } = await render();
    const toggle = el.querySelector<HTMLButtonElement>('mat-slide-toggle button')!;
    expect(toggle.getAttribute('role')).toBe('switch');
    toggle.click();
    await settle();
    expect(TestBed.inject(TrainingMode).enabled()).toBe(true);
    expect(el.textContent).toContain('Le misure dei dispositivi simulati vengono salvate come quelle reali');
  });

  it('when a patient opens it, then the intro speaks of the home kit', async () => {
    const patientUser: SessionUser = { id: 'u-paz', username: 'paz', displayName: 'Mario Rossi', role: 'patient', districtId: 'd-roma1', patientId: 'p-mario' };
    setUpDevices({ user: patientUser });
    const { text } = await render();
    expect(text()).toContain('I dispositivi del tuo kit a domicilio.');
  });
});
