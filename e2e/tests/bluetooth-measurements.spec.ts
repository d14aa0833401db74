import type { CDPSession } from '@playwright/test';
import {
  emulatePeripheralInChromium,
  simulatedBloodPressureMonitor,
  simulatedPolarH10,
  simulatedPulseOximeter,
  simulatedThermometer,
  type ChromiumEmulation,
  type VirtualPeripheral,
} from '@prossima/device-bridge';
import { deviceSource, eightLeadMeasurement, OWNER } from '../../client/src/app/features/devices/devices-test-data';
import { documentBytes } from '../../client/src/app/features/devices/ecg-observation';
import { measurementObservations } from '../../client/src/app/features/devices/measurement-observations';
import { expectAccessible, expectReflowAt200, expect, pagesFor, test } from '../fixtures';
import { MeasurePage } from '../pages/measure.page';

// Lucia Menegazzo: no other journey opens, starts or closes her visit (home-visit uses Franco
// Pittarello, the others Esposito, Zanetti and Bortolami); her visit is only named on the readings.
const PATIENT = 'Lucia Menegazzo';
const PATIENT_ID = 'pat-a-004';

/** Runs Chromium's Bluetooth emulation for one peripheral at a time (the emulation is browser-wide). */
class Peripherals {
  private current: ChromiumEmulation | null = null;
  constructor(
    private readonly browser: CDPSession,
    private readonly page: CDPSession,
  ) {}

  async emulate(peripheral: VirtualPeripheral): Promise<ChromiumEmulation> {
    await this.dispose();
    // timeScale 0: each notification as soon as the page took the previous one (a 30 s strip in a few seconds).
    this.current = await emulatePeripheralInChromium({ browser: this.browser, page: this.page, peripheral, timeScale: 0 });
    return this.current;
  }

  /** Problems met while driving the emulation; none expected. */
  problems(): readonly string[] {
    return this.current?.problems ?? [];
  }

  async dispose(): Promise<void> {
    if (this.current) expect(this.current.problems, `emulation of ${this.current.peripheral.name}`).toEqual([]);
    await this.current?.dispose();
    this.current = null;
  }
}

test.describe('Bluetooth measurements offline, through Chromium’s Bluetooth emulation', () => {
  test('when the nurse measures with the kit devices offline, then readings are saved once, a disconnection saves nothing, and all of it syncs back online', async ({
    nurse,
    browser,
    context,
  }) => {
    test.setTimeout(240_000);
    const { page, login, today } = nurse;
    const measure = new MeasurePage(page);
    const peripherals = new Peripherals(await browser.newBrowserCDPSession(), await context.newCDPSession(page));
    const figures: string[] = [];
    let visitId = '';

    try {
      await test.step('the nurse signs in online; the service worker takes control', async () => {
        await login.signIn('ifec.rossi');
        await expect(today.heading()).toBeVisible();
        await expect(today.status()).toContainText('Nessuna modifica in attesa');
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        const href = await page.getByRole('link', { name: `Apri la visita — ${PATIENT}` }).getAttribute('href');
        visitId = decodeURIComponent(href!.split('/').pop()!);
      });

      await test.step('offline, she opens the measure page of her patient for today’s visit', async () => {
        await context.setOffline(true);
        await expect(today.status()).toContainText('Offline');
        await measure.open(PATIENT_ID, PATIENT, visitId);
        await expect(measure.panel().getByRole('button', { name: 'Pressione arteriosa', exact: true })).toBeVisible();
        // Real Web Bluetooth, not the training mode.
        await expect(measure.panel()).not.toContainText('Modalità addestramento');
        await expectAccessible(page);
      });

      await test.step('the blood pressure monitor disconnects mid-measurement: a clear error, nothing stored', async () => {
        await peripherals.emulate(simulatedBloodPressureMonitor({ fault: 'disconnect-mid-measurement' }));
        await measure.choose('Pressione arteriosa');
        await expect(measure.panel()).toContainText('Avvolgi il bracciale sul braccio nudo');
        await expectAccessible(page);
        await measure.start();
        await expect(measure.alert()).toHaveText('Il dispositivo si è disconnesso durante la misura: nessun dato salvato. Riprova.', {
          timeout: 60_000,
        });
        await expect(measure.panel().getByRole('heading', { name: 'Misura non riuscita' })).toBeVisible();
        await expect(measure.panel().getByRole('button', { name: 'Salva la misura' })).toHaveCount(0);
        await expect(today.status()).toContainText('Nessuna modifica in attesa');
        await expectAccessible(page);
      });

      await test.step('she tries again: 128/82 mmHg and pulse 72 are saved', async () => {
        await measure.panel().getByRole('button', { name: 'Riprova' }).click();
        await measure.reading('Pressione arteriosa');
        await expect(measure.value('128/82 mmHg')).toBeVisible();
        await expect(measure.value('72 bpm')).toBeVisible();
        await expect(measure.alert()).toHaveText('');
        await measure.save();
        await expect(measure.status()).toHaveText('✓ Misura salvata');
        await expect(today.status()).toContainText('2 modifiche in attesa');
        const t = await measure.timings();
        figures.push(`blood pressure: last notification → reading ${t.toReading} ms; save ${t.save} ms; last notification → stored ${t.toSaved} ms`);
      });

      await test.step('the pulse oximeter: 97 % and 70 /min', async () => {
        await peripherals.emulate(simulatedPulseOximeter());
        await measure.measureSomethingElse();
        await measure.choose('Saturimetro');
        await measure.start();
        await measure.reading('Saturimetro');
        await expect(measure.value('97 %')).toBeVisible();
        await expect(measure.value('70 bpm')).toBeVisible();
        await measure.save();
        await expect(measure.status()).toHaveText('✓ Misura salvata');
        const t = await measure.timings();
        figures.push(`SpO2: last notification → reading ${t.toReading} ms; save ${t.save} ms; last notification → stored ${t.toSaved} ms`);
      });

      await test.step('the thermometer: 36,8 °C; the same reading offered again is "Misura già registrata"', async () => {
        await peripherals.emulate(simulatedThermometer());
        await measure.measureSomethingElse();
        await measure.choose('Termometro');
        await measure.start();
        await measure.reading('Termometro');
        await expect(measure.value('36,8 °C')).toBeVisible();
        await measure.save();
        await expect(measure.status()).toHaveText('✓ Misura salvata');
        const t = await measure.timings();
        figures.push(`temperature: last notification → reading ${t.toReading} ms; save ${t.save} ms; last notification → stored ${t.toSaved} ms`);
        await expect(today.status()).toContainText('5 modifiche in attesa');

        // The thermometer sends the same stored reading again (same device time): same ids, nothing written.
        await measure.panel().getByRole('button', { name: 'Ripeti la misura' }).click();
        await measure.reading('Termometro');
        await measure.save();
        await expect(measure.status()).toHaveText('Misura già registrata');
        await expect(today.status()).toContainText('5 modifiche in attesa');
      });

      await test.step('the Polar H10 records a 30-second ECG strip, shown on ECG paper and saved', async () => {
        await peripherals.emulate(simulatedPolarH10());
        await measure.measureSomethingElse();
        await measure.choose('ECG');
        await expect(measure.panel()).toContainText('la registrazione dura 30 secondi');
        const started = Date.now();
        await measure.start();
        await measure.reading('ECG');
        const recordingMs = Date.now() - started;
        await expect(measure.value('72 bpm')).toBeVisible();
        const strip = measure.panel().getByRole('img', { name: /^Tracciato ECG di 30 secondi, 1 derivazione \(I\), frequenza cardiaca \d+ bpm$/ });
        await expect(strip).toBeVisible();
        await expect(measure.panel()).toContainText('1 derivazione (I) per 30 secondi a 130 campioni al secondo');
        await measure.save();
        await expect(measure.status()).toHaveText('✓ Misura salvata');
        await expect(today.status()).toContainText('6 modifiche in attesa');
        await expectAccessible(page);
        await expectReflowAt200(page);
        const t = await measure.timings();
        figures.push(`ECG 30 s (emulated, fast): recorded in ${recordingMs} ms; last notification → reading ${t.toReading} ms; save ${t.save} ms; last notification → stored ${t.toSaved} ms`);
        figures.push(`ECG storage, Polar H10 (1 lead, 130 Hz): ${t.savedBytes} bytes for 30 s = ${(t.savedBytes ?? 0) * 2} bytes per minute of strip`);
      });

      await test.step('the devices page lists her kit and pairs the thermometer through the chooser', async () => {
        await page.getByRole('link', { name: 'Dispositivi del kit' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Dispositivi' })).toBeVisible();
        await expect(page.getByRole('heading', { level: 3, name: 'Termometro del kit infermieristico' })).toBeVisible();
        await expect(page.getByRole('heading', { level: 3, name: 'Fascia ECG monotraccia' })).toBeVisible();
        await expectAccessible(page);
        await peripherals.emulate(simulatedThermometer({ address: 'C0:FF:EE:00:00:12' }));
        await page.getByLabel('Tipo di dispositivo da associare').selectOption({ label: 'Termometro' });
        await page.getByRole('button', { name: 'Associa un dispositivo' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'Dispositivo associato: Thermometer (simulated)' })).toBeVisible({ timeout: 30_000 });
        const paired = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Thermometer (simulated)' }) });
        await expect(paired).toContainText('Prossima Simulator TH-1');
        await expect(paired).toContainText('70 %');
        await expect(today.status()).toContainText('7 modifiche in attesa');
        await expectAccessible(page);
        await expectReflowAt200(page);
        await peripherals.dispose();
      });

      await test.step('back online, every reading and the paired device are sent by themselves', async () => {
        await context.setOffline(false);
        await expect(today.status()).toContainText('Online');
        await expect(today.status()).toContainText('Nessuna modifica in attesa', { timeout: 30_000 });
      });

      await test.step('the district nurse, in her own browser, sees the device readings of the patient', async () => {
        const districtContext = await browser.newContext();
        try {
          const district = pagesFor(await districtContext.newPage());
          await district.login.signIn('dist.verdi');
          await expect(district.page.getByRole('link', { name: PATIENT })).toBeVisible();
          await district.page.goto(`/pazienti/${PATIENT_ID}/parametri`);
          await expect(district.page.getByRole('heading', { level: 2, name: 'Frequenza cardiaca da ECG' })).toBeVisible({ timeout: 30_000 });
          await expect(district.page.getByRole('heading', { level: 2, name: 'Saturazione di ossigeno (SpO₂)' })).toBeVisible();
        } finally {
          await districtContext.close();
        }
      });
    } finally {
      await peripherals.dispose().catch(() => undefined);
    }

    // The 8-lead figure: a synthetic 500 Hz strip through the same mapping the panel uses.
    const eight = measurementObservations(eightLeadMeasurement(500, 30), deviceSource(), OWNER);
    if (!eight.ok) throw new Error(eight.problem.en);
    const eightBytes = documentBytes(eight.observations[0]);
    figures.push(`ECG storage, 8 leads at 500 Hz: ${eightBytes} bytes for 30 s with the raw bytes = ${eightBytes * 2} bytes per minute of strip`);
    const { raw: _raw, ...waveformOnly } = eight.observations[0];
    figures.push(`ECG storage, 8 leads at 500 Hz, waveform only: ${documentBytes(waveformOnly) * 2} bytes per minute of strip`);
    console.log(`\nBluetooth measurement figures:\n  ${figures.join('\n  ')}\n`);
  });

  test('when the patient takes his blood pressure at home offline, then it is saved and reaches his care team once online', async ({ nurse, browser, context }) => {
    test.setTimeout(180_000);
    const { page, login, today } = nurse;
    const measure = new MeasurePage(page);
    const peripherals = new Peripherals(await browser.newBrowserCDPSession(), await context.newCDPSession(page));
    try {
      await test.step('Antonio Esposito signs in and lands on his home kit', async () => {
        await login.signIn('paz.esposito');
        await page.waitForURL(/\/casa$/);
        await expect(page.getByRole('link', { name: 'Pressione', exact: true })).toBeVisible();
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        await expect(today.status()).toContainText('Nessuna modifica in attesa');
        await expectAccessible(page);
      });

      await test.step('offline, he follows the steps and measures with his monitor', async () => {
        await context.setOffline(true);
        await expect(today.status()).toContainText('Offline');
        await page.getByRole('link', { name: 'Pressione', exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Misura la pressione' })).toBeVisible();
        await expectAccessible(page);
        await peripherals.emulate(simulatedBloodPressureMonitor());
        const choice = measure.panel().getByRole('button', { name: 'Pressione arteriosa', exact: true });
        if (await choice.count()) await measure.choose('Pressione arteriosa');
        await measure.start();
        await measure.reading('Pressione arteriosa');
        await expect(measure.value('128/82 mmHg')).toBeVisible();
        await measure.save();
        await expect(page.getByText('Sarà inviata al tuo infermiere appena c’è connessione')).toBeVisible();
        await expectAccessible(page);
      });

      await test.step('back online, the reading is sent by itself', async () => {
        await context.setOffline(false);
        await expect(today.status()).toContainText('Nessuna modifica in attesa', { timeout: 30_000 });
        await expect(page.getByText('Misura salvata e inviata al tuo infermiere.')).toBeVisible();
      });
    } finally {
      await peripherals.dispose();
    }
  });
});
