/**
 * Virtual ECG devices: a Polar H10 chest strap (PMD stream at 130 Hz), a
 * Wellue ER1 patch (polled real-time data at 125 Hz) and the demo 8-lead
 * recorder (250 Hz). The signal is the synthetic ECG at 72 bpm by default,
 * enough of it for a 30-second strip plus a margin.
 */
import { BATTERY_UUIDS } from '../gatt/battery';
import { HEART_RATE_UUIDS } from '../gatt/heart-rate';
import { bytesToHex } from '../transport/hex';
import { encodeErRealTimeRequest, ER_INVALID_SAMPLE, ER_MV_PER_COUNT, ER_SAMPLE_RATE_HZ, WELLUE_ER_UUIDS } from '../vendor/wellue-er';
import { encodePmdGetSettings, encodePmdStartEcg, encodePmdStop, PMD_OP_CODES, POLAR_PMD_UUIDS } from '../vendor/polar-pmd';
import {
  DEMO_EIGHT_LEAD_PROTOCOL,
  DEMO_EIGHT_LEAD_SAMPLES_PER_FRAME,
  DEMO_EIGHT_LEAD_UUIDS,
  encodeDemoEightLeadFrame,
} from './demo-eight-lead';
import { batteryService, characteristic, deviceInformationService, type PeripheralOptions } from './peripheral-parts';
import { encodeHeartRateMeasurement } from './sig-encoders';
import { syntheticEcgLeads } from './synthetic-ecg';
import { encodeErRealTimeResponse, encodePmdEcgFrame, encodePmdResponse } from './vendor-encoders';
import { framesToEvents, measurementBatches, type Frame, type ScriptedEvent, type VirtualPeripheral } from './virtual-peripheral';

/** Options of the ECG generators. */
export interface EcgPeripheralOptions extends PeripheralOptions {
  /** Heart rate of the synthetic ECG (default 72). */
  heartRateBpm?: number;
  /** Seconds of signal per recording (default 32: a 30 s strip and a margin). */
  durationS?: number;
  seed?: number;
}

const POLAR_SAMPLES_PER_FRAME = 73;
/** Faults strike about 2.5 s into a recording, so that short strips in end-to-end tests meet them too. */
const FAULT_AFTER_FRAMES = 5;
const POLAR_RATE_HZ = 130;
/** Milliseconds from the Unix epoch to 2000-01-01T00:00:00Z, the PMD epoch. */
const PMD_EPOCH_MS = 946_684_800_000;

/**
 * A Polar H10: on the start command (02 00 …) it answers F0 02 00 00 and
 * streams ECG frames of 73 µV samples every 0.56 s; stop (03 00) ends the
 * stream. It also offers the Heart Rate profile.
 */
export function simulatedPolarH10(options: EcgPeripheralOptions & { startTime?: string } = {}): VirtualPeripheral {
  const pmd = POLAR_PMD_UUIDS;
  const durationS = options.durationS ?? 32;
  const bpm = options.heartRateBpm ?? 72;
  const samples = syntheticEcgLeads({ heartRateBpm: bpm, sampleRateHz: POLAR_RATE_HZ, durationS, seed: options.seed }).II;
  const startNs = BigInt(Date.parse(options.startTime ?? '2025-06-01T09:30:00Z') - PMD_EPOCH_MS) * 1_000_000n;
  const frames: Frame[] = [{ characteristic: pmd.controlPoint, bytes: encodePmdResponse(PMD_OP_CODES.start), delayMs: 50 }];
  for (let at = 0; at + POLAR_SAMPLES_PER_FRAME <= samples.length; at += POLAR_SAMPLES_PER_FRAME) {
    const chunk = Array.from(samples.subarray(at, at + POLAR_SAMPLES_PER_FRAME), (mv) => mv * 1000);
    const lastNs = startNs + BigInt(Math.round(((at + chunk.length - 1) * 1e9) / POLAR_RATE_HZ));
    frames.push({
      characteristic: pmd.data,
      bytes: encodePmdEcgFrame(lastNs, chunk),
      delayMs: Math.round((POLAR_SAMPLES_PER_FRAME * 1000) / POLAR_RATE_HZ),
    });
  }
  const hrFrames: Frame[] = Array.from({ length: 30 }, () => ({
    characteristic: HEART_RATE_UUIDS.measurement,
    bytes: encodeHeartRateMeasurement({ bpm, rrIntervalsMs: [60_000 / bpm] }),
    delayMs: 1_000,
  }));
  const answer = (opCode: number, rest?: number[]): ScriptedEvent[][] => [
    framesToEvents([{ characteristic: pmd.controlPoint, bytes: encodePmdResponse(opCode, 0, rest), delayMs: 30 }]),
  ];
  return {
    name: options.name ?? 'Polar H10 51M00001',
    address: options.address ?? 'C0:FF:EE:00:00:09',
    family: 'ecg',
    description: 'Polar H10 chest strap (single-lead ECG, heart rate)',
    services: [
      {
        uuid: pmd.service,
        characteristics: [
          characteristic(pmd.controlPoint, { read: true, write: true, indicate: true }),
          characteristic(pmd.data, { notify: true }),
        ],
      },
      { uuid: HEART_RATE_UUIDS.service, characteristics: [characteristic(HEART_RATE_UUIDS.measurement, { notify: true })] },
      deviceInformationService('Polar Electro Oy (simulated)', 'H10'),
      batteryService(100),
    ],
    reactions: [
      // The second data frame is the one a bad-bytes fault cuts short (its samples no longer fill whole 3-byte words).
      {
        id: 'ecg-start',
        on: 'write',
        characteristic: pmd.controlPoint,
        writePrefix: bytesToHex(encodePmdStartEcg()).slice(0, 4),
        ...measurementBatches(frames, { fault: options.fault, corruption: 'truncate', badFrame: 2, disconnectAfter: FAULT_AFTER_FRAMES }),
      },
      {
        id: 'ecg-stop',
        on: 'write',
        characteristic: pmd.controlPoint,
        writePrefix: bytesToHex(encodePmdStop()),
        batches: answer(PMD_OP_CODES.stop),
        repeatLast: true,
        cancels: ['ecg-start'],
      },
      {
        id: 'settings',
        on: 'write',
        characteristic: pmd.controlPoint,
        writePrefix: bytesToHex(encodePmdGetSettings()),
        batches: answer(PMD_OP_CODES.getSettings, [0x00, 0x00, 0x01, 0x82, 0x00, 0x01, 0x01, 0x0e, 0x00]),
        repeatLast: true,
      },
      {
        id: 'heart-rate',
        on: 'subscribe',
        characteristic: HEART_RATE_UUIDS.measurement,
        batches: [framesToEvents(hrFrames)],
        repeatLast: true,
      },
    ],
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
}

/**
 * A Wellue ER1: each real-time request (A5 03 …) is answered, after half a
 * second, with the samples of that half second; the first two answers report
 * leads off, as a patch not yet pressed on. A fault takes the place of the
 * answer about 2 s into the recording, and the recording can then be taken
 * again.
 */
export function simulatedWellueEr1(options: EcgPeripheralOptions = {}): VirtualPeripheral {
  const uuids = WELLUE_ER_UUIDS;
  const durationS = options.durationS ?? 32;
  const bpm = options.heartRateBpm ?? 72;
  const counts = Array.from(
    syntheticEcgLeads({ heartRateBpm: bpm, sampleRateHz: ER_SAMPLE_RATE_HZ, durationS, seed: options.seed }).II,
    (mv) => Math.round(mv / ER_MV_PER_COUNT),
  );
  const blockMs = 500;
  const answer = (sequence: number, runStatus: number, samples: ArrayLike<number>, delayMs: number): ScriptedEvent[] =>
    framesToEvents([
      {
        characteristic: uuids.notify,
        bytes: encodeErRealTimeResponse({ sequence, heartRate: runStatus === 7 ? 0 : bpm, runStatus, samples }),
        delayMs,
      },
    ]);
  const leadsOff = (sequence: number): ScriptedEvent[] => answer(sequence, 0x07, new Array<number>(62).fill(ER_INVALID_SAMPLE), blockMs);
  const recording: ScriptedEvent[][] = [];
  for (let block = 0, at = 0; at < counts.length; block++) {
    // 62 and 63 samples in turn: 125 per second.
    const size = block % 2 === 0 ? 62 : 63;
    recording.push(answer((block + 2) & 0xff, 0x00, counts.slice(at, at + size), blockMs));
    at += size;
  }
  const attempt = [leadsOff(0), leadsOff(1), ...recording];
  const batches = ((): ScriptedEvent[][] => {
    // About 2 s into the recording (four half-second answers after the two with leads off).
    const faultAt = 6;
    switch (options.fault) {
      case undefined:
        return attempt;
      case 'timeout':
        return [...attempt.slice(0, faultAt), [], ...attempt];
      case 'disconnect-mid-measurement':
        return [...attempt.slice(0, faultAt), [{ kind: 'disconnect', delayMs: 250 }], ...attempt];
      case 'bad-bytes': {
        const spoiled = attempt[faultAt].map((event) =>
          event.kind === 'notify'
            ? { ...event, hex: event.hex.slice(0, -2) + (parseInt(event.hex.slice(-2), 16) ^ 1).toString(16).padStart(2, '0') }
            : event,
        );
        return [...attempt.slice(0, faultAt), spoiled, ...attempt];
      }
    }
  })();
  return {
    name: options.name ?? 'ER1 SIM0001',
    address: options.address ?? 'C0:FF:EE:00:00:0A',
    family: 'ecg',
    description: 'Wellue ER1 ECG patch (single lead)',
    services: [
      {
        uuid: uuids.service,
        characteristics: [
          characteristic(uuids.write, { write: true, writeWithoutResponse: true }),
          characteristic(uuids.notify, { notify: true }),
        ],
      },
    ],
    reactions: [
      {
        id: 'real-time',
        on: 'write',
        characteristic: uuids.write,
        writePrefix: bytesToHex(encodeErRealTimeRequest(0)).slice(0, 6),
        batches,
      },
    ],
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
}

/** The demo 8-lead recorder: on start (01) it streams frames of 15 samples of the eight leads; stop (02) ends it. */
export function simulatedEightLeadEcg(options: EcgPeripheralOptions = {}): VirtualPeripheral {
  const uuids = DEMO_EIGHT_LEAD_UUIDS;
  const protocol = DEMO_EIGHT_LEAD_PROTOCOL;
  const durationS = options.durationS ?? 32;
  const leads = syntheticEcgLeads({
    heartRateBpm: options.heartRateBpm ?? 72,
    sampleRateHz: protocol.sampleRateHz,
    durationS,
    seed: options.seed,
  });
  const perFrame = DEMO_EIGHT_LEAD_SAMPLES_PER_FRAME;
  const frames: Frame[] = [];
  for (let at = 0, sequence = 0; at + perFrame <= leads.I.length; at += perFrame, sequence++) {
    const microvolts = (lead: Float64Array): number[] => Array.from(lead.subarray(at, at + perFrame), (mv) => mv * 1000);
    const samples = {
      I: microvolts(leads.I),
      II: microvolts(leads.II),
      V1: microvolts(leads.V1),
      V2: microvolts(leads.V2),
      V3: microvolts(leads.V3),
      V4: microvolts(leads.V4),
      V5: microvolts(leads.V5),
      V6: microvolts(leads.V6),
    };
    frames.push({
      characteristic: uuids.notify,
      bytes: encodeDemoEightLeadFrame(sequence, samples),
      delayMs: Math.round((perFrame * 1000) / protocol.sampleRateHz),
    });
  }
  return {
    name: options.name ?? 'Prossima ECG-8 (simulated)',
    address: options.address ?? 'C0:FF:EE:00:00:0B',
    family: 'ecg',
    description: 'Demo 8-lead ECG recorder (simulator protocol, not a real device)',
    services: [
      {
        uuid: uuids.service,
        characteristics: [
          characteristic(uuids.notify, { notify: true }),
          characteristic(uuids.write, { write: true, writeWithoutResponse: true }),
        ],
      },
      { uuid: BATTERY_UUIDS.service, characteristics: [characteristic(BATTERY_UUIDS.batteryLevel, { read: true }, '64')] },
    ],
    reactions: [
      {
        id: 'ecg-start',
        on: 'write',
        characteristic: uuids.write,
        writePrefix: '01',
        // Faults strike after about 1 s (bad bytes) and 2.5 s (disconnection), so that short strips meet them too.
        ...measurementBatches(frames, { fault: options.fault, corruption: 'truncate', badFrame: 16, disconnectAfter: 42 }),
      },
      { id: 'ecg-stop', on: 'write', characteristic: uuids.write, writePrefix: '02', batches: [[]], cancels: ['ecg-start'] },
    ],
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
}
