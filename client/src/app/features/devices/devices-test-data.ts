/**
 * Test data of the devices feature (specs and the end-to-end test's size
 * figures): measurements taken from the device-bridge simulator through the
 * real drivers, and a hand-made 8-lead strip at any rate. Not part of the app.
 */
import {
  deriveLimbLeads,
  driverFor,
  estimateHeartRate,
  RECORDED_LEAD_NAMES,
  SimulatedTransport,
  simulatorDrivers,
  type EcgMeasurement,
  type MeasureOptions,
  type Measurement,
  type RecordedLeadName,
  type VirtualPeripheral,
} from '@prossima/device-bridge';
import type { DeviceSource, MeasurementOwner } from './measurement-observations';

/** The instant every test measurement completes. */
export const RECEIVED_AT = '2025-11-22T09:30:00.000Z';

/** Who measures, for whom (Mario Rossi of the client test helpers), and when it is written. */
export const OWNER: MeasurementOwner = {
  patient: { id: 'p-mario', districtId: 'd-roma1' },
  visitId: 'v-1',
  userId: 'u-anna',
  now: new Date('2025-11-22T09:31:00.000Z'),
};

/** A device as stored in `source`. */
export function deviceSource(bluetoothId = 'C0:FF:EE:00:00:01', model = 'BPM-1'): DeviceSource {
  return { bluetoothId, deviceId: 'dev-u-anna-kit', model };
}

/** One measurement of `peripheral` through its real driver, in-process and without delays. */
export async function measureSimulated(peripheral: VirtualPeripheral, options: MeasureOptions = {}): Promise<Measurement> {
  const transport = new SimulatedTransport(peripheral, { timeScale: 0 });
  await transport.connect();
  const driver = driverFor(transport.device.name, await transport.services(), simulatorDrivers());
  try {
    return await driver.measure(transport, { now: () => new Date(RECEIVED_AT), ...options });
  } finally {
    await transport.disconnect();
  }
}

// Offset from R (s), width (s) and amplitude (µV) of P, Q, R, S, T in lead II; the other leads scale it.
const WAVES = [
  [-0.2, 0.025, 150],
  [-0.03, 0.008, -100],
  [0, 0.01, 1200],
  [0.03, 0.01, -250],
  [0.3, 0.05, 350],
] as const;
const LEAD_GAIN: Readonly<Record<RecordedLeadName, number>> = { I: 0.7, II: 1, V1: -0.6, V2: 0.5, V3: 0.8, V4: 1.1, V5: 1, V6: 0.8 };

/** Samples (µV, whole numbers) of the recorded leads: a clean sinus rhythm at `bpm`. */
export function syntheticLeads(bpm: number, sampleRateHz: number, durationS: number): Record<RecordedLeadName, number[]> {
  const count = Math.round(sampleRateHz * durationS);
  const rr = 60 / bpm;
  const base = new Array<number>(count).fill(0);
  for (let peak = 0.35; peak < durationS + 0.5; peak += rr) {
    for (const [offset, width, amplitude] of WAVES) {
      const centre = peak + offset;
      const from = Math.max(0, Math.floor((centre - 4 * width) * sampleRateHz));
      const to = Math.min(count, Math.ceil((centre + 4 * width) * sampleRateHz));
      for (let i = from; i < to; i++) base[i] += amplitude * Math.exp(-(((i / sampleRateHz - centre) / width) ** 2) / 2);
    }
  }
  return Object.fromEntries(RECORDED_LEAD_NAMES.map((lead) => [lead, base.map((v) => Math.round(v * LEAD_GAIN[lead]))])) as Record<
    RecordedLeadName,
    number[]
  >;
}

/**
 * An 8-lead recording as the 8-lead driver returns it: the eight recorded
 * leads and the four derived ones, with notifications of 15 samples × 8 leads
 * (the demo recorder's frame, 243 bytes) carrying those samples.
 */
export function eightLeadMeasurement(sampleRateHz: number, durationS: number, bpm = 72): EcgMeasurement {
  const recorded = syntheticLeads(bpm, sampleRateHz, durationS);
  const notifications = [];
  const count = recorded.I.length;
  for (let at = 0, sequence = 0; at < count; at += 15, sequence++) {
    const n = Math.min(15, count - at);
    const bytes = new Uint8Array(3 + 16 * n);
    const view = new DataView(bytes.buffer);
    bytes.set([0xe8, sequence & 0xff, n]);
    for (let i = 0; i < n; i++) RECORDED_LEAD_NAMES.forEach((lead, l) => view.setInt16(3 + 16 * i + 2 * l, recorded[lead][at + i], true));
    notifications.push({ characteristic: 'c3e6fe01-8f2a-4d5b-9a4e-70726f73696d', hex: Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') });
  }
  return {
    family: 'ecg',
    driver: 'demo-eight-lead',
    model: 'demo-eight-lead',
    device: { id: 'C0:FF:EE:00:00:0B', name: 'Prossima ECG-8 (simulated)' },
    receivedAt: RECEIVED_AT,
    notifications,
    strip: { sampleRateHz, unit: 'uV', scale: 1, leads: { ...recorded, ...deriveLimbLeads(recorded.I, recorded.II) } },
    durationS,
    heartRate: estimateHeartRate(recorded.II, sampleRateHz),
  };
}
