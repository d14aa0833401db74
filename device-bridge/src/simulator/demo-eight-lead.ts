/**
 * A demonstration 8-lead protocol, invented for the simulator: no real device
 * speaks it. It gives the 8-lead driver something to read in the training
 * mode and the tests until the kit recorder's vendor protocol is known.
 *
 *   byte 0   1     2     3 …
 *   ┌──────┬─────┬─────┬──────────────────────────────────────────────┐
 *   │  E8  │ seq │  n  │ n samples × 8 leads (I II V1…V6) int16 LE µV │
 *   └──────┴─────┴─────┴──────────────────────────────────────────────┘
 *   n ≤ 15 so a frame fits one 244-byte notification; 250 Hz.
 *   Commands (written): 01 start, 02 stop.
 */
import { EightLeadEcgDriver, type EightLeadEcgDevice } from '../drivers/ecg/eight-lead-driver';
import { MeasurementFormatError } from '../errors';
import { RECORDED_LEAD_NAMES, type EightLeadBlock, type EightLeadEcgProtocol, type RecordedLeadName } from '../ecg/leads';

/** GATT layout of the demo recorder. */
export const DEMO_EIGHT_LEAD_UUIDS = {
  service: 'c3e6fe00-8f2a-4d5b-9a4e-70726f73696d',
  notify: 'c3e6fe01-8f2a-4d5b-9a4e-70726f73696d',
  write: 'c3e6fe02-8f2a-4d5b-9a4e-70726f73696d',
} as const;

const MARKER = 0xe8;
const HEADER_LENGTH = 3;
const SAMPLE_LENGTH = 2 * RECORDED_LEAD_NAMES.length;
/** Most samples in one frame. */
export const DEMO_EIGHT_LEAD_SAMPLES_PER_FRAME = 15;
const FRAME = 'Demo 8-lead ECG frame';

/** The demo protocol as an EightLeadEcgProtocol adapter. */
export const DEMO_EIGHT_LEAD_PROTOCOL: EightLeadEcgProtocol = {
  sampleRateHz: 250,
  unit: 'uV',
  scale: 1,
  encodeStart: () => Uint8Array.of(0x01),
  encodeStop: () => Uint8Array.of(0x02),
  decode(notification: DataView): EightLeadBlock[] {
    if (notification.byteLength < HEADER_LENGTH) {
      throw new MeasurementFormatError({
        code: 'too-short',
        characteristic: FRAME,
        detail: `only ${notification.byteLength} of 3 header bytes present`,
      });
    }
    if (notification.getUint8(0) !== MARKER) {
      throw new MeasurementFormatError({ code: 'out-of-range', characteristic: FRAME, field: 'marker', detail: 'first byte is not E8' });
    }
    const count = notification.getUint8(2);
    if (notification.byteLength !== HEADER_LENGTH + count * SAMPLE_LENGTH) {
      throw new MeasurementFormatError({
        code: 'inconsistent',
        characteristic: FRAME,
        field: 'samples',
        detail: `${count} samples announced (${HEADER_LENGTH + count * SAMPLE_LENGTH} bytes), ${notification.byteLength} bytes present`,
      });
    }
    const block = Object.fromEntries(RECORDED_LEAD_NAMES.map((lead) => [lead, new Array<number>(count)])) as Record<
      RecordedLeadName,
      number[]
    >;
    for (let i = 0; i < count; i++) {
      RECORDED_LEAD_NAMES.forEach((lead, l) => {
        block[lead][i] = notification.getInt16(HEADER_LENGTH + i * SAMPLE_LENGTH + 2 * l, true);
      });
    }
    return [block];
  },
};

/** Encodes one demo frame from samples of the eight leads (µV), at most 15 per lead. */
export function encodeDemoEightLeadFrame(sequence: number, samples: Readonly<Record<RecordedLeadName, ArrayLike<number>>>): Uint8Array {
  const count = samples.I.length;
  if (count > DEMO_EIGHT_LEAD_SAMPLES_PER_FRAME) throw new RangeError(`encodeDemoEightLeadFrame(): ${count} samples exceed 15`);
  const frame = new Uint8Array(HEADER_LENGTH + count * SAMPLE_LENGTH);
  const view = new DataView(frame.buffer);
  frame.set([MARKER, sequence & 0xff, count]);
  for (let i = 0; i < count; i++) {
    RECORDED_LEAD_NAMES.forEach((lead, l) => view.setInt16(HEADER_LENGTH + i * SAMPLE_LENGTH + 2 * l, Math.round(samples[lead][i]), true));
  }
  return frame;
}

/** The demo recorder as an EightLeadEcgDevice. */
export const DEMO_EIGHT_LEAD_DEVICE: EightLeadEcgDevice = {
  id: 'demo-eight-lead',
  label: 'Demo 8-lead ECG (simulator)',
  protocol: DEMO_EIGHT_LEAD_PROTOCOL,
  ...DEMO_EIGHT_LEAD_UUIDS,
  namePrefixes: ['Prossima ECG-8'],
};

/** An 8-lead driver for the demo recorder. */
export function createDemoEightLeadDriver(): EightLeadEcgDriver {
  return new EightLeadEcgDriver(DEMO_EIGHT_LEAD_DEVICE);
}
