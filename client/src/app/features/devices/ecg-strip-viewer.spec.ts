import { TestBed } from '@angular/core/testing';
import { eightLeadMeasurement } from './devices-test-data';
import { driver, setUpDevices } from './devices-spec-setup';
import { waveformOf, type Waveform } from './ecg-observation';
import { EcgStripViewer } from './ecg-strip-viewer';

describe('EcgStripViewer', () => {
  async function render(waveform: Waveform, heartRate: number | null) {
    const fixture = TestBed.createComponent(EcgStripViewer);
    fixture.componentRef.setInput('waveform', waveform);
    fixture.componentRef.setInput('heartRate', heartRate);
    await fixture.whenStable();
    return driver(fixture);
  }

  it('when a single-lead 30 s strip is shown, then it is an image named by length, lead and rate, drawn in three rows, with a summary', async () => {
    const world = setUpDevices();
    const m = eightLeadMeasurement(130, 30);
    const waveform = waveformOf({ ...m.strip, sampleRateHz: 130, leads: { I: m.strip.leads.II } });
    const { el, text } = await render(waveform, 72);
    const canvas = el.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe('Tracciato ECG di 30 secondi, 1 derivazione (I), frequenza cardiaca 72 bpm');
    expect(text(el.querySelector('figcaption')!)).toContain(
      '1 derivazione (I) per 30 secondi a 130 campioni al secondo. Frequenza cardiaca stimata dal tracciato: 72 bpm.',
    );
    expect(text(el.querySelector('figcaption')!)).toContain('Carta a 25 mm/s e 10 mm/mV');
    expect(world.ecgDrawn.at(-1)!.rows).toHaveLength(3);
    expect(el.querySelector('fieldset')).toBeNull();
  });

  it('when an 8-lead strip is shown, then the four limb leads are computed, and a radio group picks the 10 s stretch drawn', async () => {
    const world = setUpDevices();
    const waveform = waveformOf(eightLeadMeasurement(250, 25).strip);
    const { el, text, settle } = await render(waveform, null);
    expect(el.querySelector('canvas')!.getAttribute('aria-label')).toBe(
      'Tracciato ECG di 25 secondi, 12 derivazioni (I, II, III, aVR, aVL, aVF, V1, V2, V3, V4, V5, V6), frequenza cardiaca non stimata',
    );
    const legend = el.querySelector('fieldset legend');
    expect(text(legend!)).toBe('Tratto mostrato');
    const options = Array.from(el.querySelectorAll('fieldset label')).map((l) => text(l));
    expect(options).toEqual(['0–10 s', '10–20 s', '20–25 s']);
    expect(world.ecgDrawn.at(-1)!.rows.map((r) => r.lead)).toHaveLength(12);
    el.querySelectorAll<HTMLInputElement>('fieldset input')[2].click();
    await settle();
    expect(world.ecgDrawn.at(-1)!.rows[0].fromS).toBe(20);
  });
});
