import { TestBed } from '@angular/core/testing';
import { simulatedBloodPressureMonitor, simulatedPulseOximeter } from '@prossima/device-bridge';
import type { ObservationDoc } from '@prossima/domain';
import { patient } from '../../../testing/test-helpers';
import { driver, setUpDevices } from './devices-spec-setup';
import { MeasurePanelComponent } from './measure-panel';

describe('MeasurePanelComponent', () => {
  async function render(inputs: { visitId?: string; ecgDurationS?: number } = { visitId: 'v-1' }) {
    const fixture = TestBed.createComponent(MeasurePanelComponent);
    fixture.componentRef.setInput('patient', patient());
    if (inputs.visitId) fixture.componentRef.setInput('visitId', inputs.visitId);
    if (inputs.ecgDurationS) fixture.componentRef.setInput('ecgDurationS', inputs.ecgDurationS);
    const emitted: ObservationDoc[][] = [];
    fixture.componentInstance.saved.subscribe((docs) => emitted.push(docs));
    await fixture.whenStable();
    const drive = driver(fixture);
    /** The reading's values as "label: value". */
    const values = () => Array.from(drive.el.querySelectorAll('.values .value')).map((v) => `${drive.text(v.querySelector('dt')!)}: ${drive.text(v.querySelector('dd')!)}`);
    return { fixture, emitted, values, ...drive };
  }

  it('when the browser has no Bluetooth and the training mode is off, then it says so and links to the manual entry', async () => {
    setUpDevices({ training: false });
    const { el, text } = await render();
    expect(text()).toContain('Questo browser non supporta il Bluetooth: usa Chrome o Edge su Android o computer, oppure inserisci i valori a mano');
    const link = Array.from(el.querySelectorAll('a')).find((a) => text(a) === 'Inserisci i valori a mano');
    expect(link?.getAttribute('href')).toBe('/pazienti/p-mario/parametri/nuovi?visita=v-1');
    expect(el.querySelectorAll('button.family-button')).toHaveLength(0);
  });

  it('when the training mode is on, then it is labelled and each device family is a large button', async () => {
    setUpDevices();
    const { el, text } = await render();
    expect(text()).toContain('Modalità addestramento (dispositivi simulati)');
    const families = Array.from(el.querySelectorAll('button.family-button')).map((b) => text(b));
    expect(families.slice(0, 5)).toEqual(['Pressione arteriosa', 'Saturimetro', 'Termometro', 'ECG', 'Spirometro']);
  });

  it('when the nurse measures the blood pressure and saves, then the panel and the pulse are stored as device readings and "Misura salvata" is announced', async () => {
    const world = setUpDevices();
    const { el, fixture, emitted, click, until, text, statusText, values } = await render();
    await click('Pressione arteriosa');
    expect(text(el.querySelector('h3')!)).toBe('Pressione arteriosa: come procedere');
    expect(text()).toContain('Avvolgi il bracciale sul braccio nudo');
    await click('Avvia la misura');
    await until(() => !!el.querySelector('.values'), 'the reading');
    expect(values()).toEqual(['Pressione arteriosa: 128/82 mmHg', 'Pressione arteriosa media: 97 mmHg', 'Frequenza cardiaca: 72 bpm']);
    expect(world.inserted).toEqual([]);

    await click('Salva la misura');
    await until(() => statusText().includes('Misura salvata'), 'the save');
    expect(world.inserted.map((d) => d.code)).toEqual(['85354-9', '8867-4']);
    expect(world.inserted[0]).toMatchObject({
      patientId: 'p-mario',
      visitId: 'v-1',
      source: { kind: 'device', model: 'Simulatore BP Monitor (simulated)' },
      updatedBy: 'u-anna',
    });
    expect(world.inserted[0].source.deviceId).toMatch(/^ble-[0-9a-f]{16}$/);
    expect(emitted).toEqual([world.inserted]);
    const host = fixture.nativeElement as HTMLElement;
    expect(Number(host.getAttribute('data-ms-to-saved'))).toBeGreaterThan(0);
    expect(Number(host.getAttribute('data-saved-bytes'))).toBeGreaterThan(500);
  });

  it('when the reading was saved before (same device and time), then nothing is written again and "Misura già registrata" is shown', async () => {
    const world = setUpDevices();
    world.peripherals['blood-pressure'] = () => simulatedBloodPressureMonitor();
    const { el, click, until, statusText } = await render();
    await click('Pressione arteriosa');
    await click('Avvia la misura');
    await until(() => !!el.querySelector('.values'), 'the reading');
    await click('Salva la misura');
    await until(() => statusText().includes('Misura salvata'), 'the first save');
    world.inserted.length = 0;

    await click('Ripeti la misura');
    await until(() => !!el.querySelector('.values') && statusText() === '', 'the second reading');
    await click('Salva la misura');
    await until(() => statusText().includes('Misura già registrata'), 'the duplicate');
    expect(world.inserted).toEqual([]);
  });

  it('when the device disconnects in the middle of the measurement, then a clear error says nothing was saved, nothing is stored, and a retry measures again', async () => {
    const world = setUpDevices();
    world.peripherals['blood-pressure'] = () => simulatedBloodPressureMonitor({ fault: 'disconnect-mid-measurement' });
    const { el, click, until, alertText, text, values } = await render();
    await click('Pressione arteriosa');
    await click('Avvia la misura');
    await until(() => alertText() !== '', 'the error');
    expect(alertText()).toBe('Il dispositivo si è disconnesso durante la misura: nessun dato salvato. Riprova.');
    expect(text(el.querySelector('h3')!)).toBe('Misura non riuscita');
    expect(el.querySelector('.values')).toBeNull();
    expect(world.inserted).toEqual([]);

    await click('Riprova');
    await until(() => !!el.querySelector('.values'), 'the reading after the retry');
    expect(values()[0]).toBe('Pressione arteriosa: 128/82 mmHg');
    expect(alertText()).toBe('');
  });

  it('when the device sends an impossible value, then the reading is refused with the domain sentence and cannot be saved', async () => {
    const world = setUpDevices();
    world.peripherals['blood-pressure'] = () => simulatedBloodPressureMonitor({ systolic: 350, diastolic: 90 });
    const { el, click, until, alertText } = await render();
    await click('Pressione arteriosa');
    await click('Avvia la misura');
    await until(() => alertText() !== '', 'the refusal');
    expect(alertText()).toBe('Misura non salvata: Pressione sistolica: 350 mmHg è sopra il massimo possibile di 300 mmHg.');
    expect(Array.from(el.querySelectorAll('button')).some((b) => b.textContent?.includes('Salva la misura'))).toBe(false);
    expect(world.inserted).toEqual([]);
  });

  it('when the saturation is below the expected range, then the reading shows the warning before saving', async () => {
    const world = setUpDevices();
    world.peripherals['pulse-oximeter'] = () => simulatedPulseOximeter({ spo2: 91 });
    const { el, click, until, text } = await render();
    await click('Saturimetro');
    await click('Avvia la misura');
    await until(() => !!el.querySelector('.warnings'), 'the warning');
    expect(text(el.querySelector('.warnings')!)).toContain('Saturazione di ossigeno (SpO₂): 91 % è sotto i valori attesi (94–100 %). Ricontrollare.');
  });

  it('when the local write fails, then the alert says so and no success is announced', async () => {
    const world = setUpDevices();
    world.failInserts = true;
    const { el, click, until, alertText, statusText } = await render();
    await click('Termometro');
    await click('Avvia la misura');
    await until(() => !!el.querySelector('.values'), 'the reading');
    await click('Salva la misura');
    await until(() => alertText() !== '', 'the failure');
    expect(alertText()).toContain('Salvataggio non riuscito');
    expect(statusText()).not.toContain('Misura salvata');
  });

  it('when an ECG strip is recorded, then the strip viewer shows it as an image named with its length and heart rate', async () => {
    const world = setUpDevices();
    const { el, click, until, text, values } = await render({ ecgDurationS: 10 });
    await click('ECG');
    expect(text()).toContain('Fascia ECG Polar H10 simulata (1 derivazione)');
    await click('Avvia la misura');
    await until(() => !!el.querySelector('app-ecg-strip-viewer canvas'), 'the strip');
    const canvas = el.querySelector('app-ecg-strip-viewer canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe('Tracciato ECG di 10 secondi, 1 derivazione (I), frequenza cardiaca 72 bpm');
    expect(values()).toEqual(['Frequenza cardiaca da ECG: 72 bpm']);
    expect(world.ecgDrawn.at(-1)?.rows).toHaveLength(1);
  });

  it('when a spirometry is taken, then its indices are listed in a table', async () => {
    setUpDevices();
    const { el, click, until, text } = await render();
    await click('Spirometro');
    await click('Avvia la misura');
    await until(() => !!el.querySelector('app-spirometry-view table'), 'the indices');
    const table = text(el.querySelector('app-spirometry-view table')!);
    expect(table).toContain('Capacità vitale forzata (FVC) 3,20 L');
    expect(table).toContain('Volume espiratorio massimo al 1° secondo (FEV1) 2,60 L');
    expect(text()).toContain('Lo spirometro non ha inviato la curva flusso–volume.');
  });

  it('when the multiparameter monitor is chosen, then a radio group asks what it measures', async () => {
    setUpDevices();
    const { el, click, text } = await render();
    await click('Monitor multiparametrico');
    const group = el.querySelector('fieldset')!;
    expect(text(group.querySelector('legend')!)).toBe('Che cosa misura il monitor?');
    expect(Array.from(group.querySelectorAll('label')).map((l) => text(l))).toEqual(['Pressione arteriosa', 'Saturazione', 'Temperatura']);
  });
});
