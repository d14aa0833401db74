/**
 * Virtual peripherals for the vendor protocols of the multiparameter monitor
 * (Contec PC-300) and the spirometer (Contec SP80B). Their frames are cut
 * into 20-byte notifications, as these devices send them before an MTU
 * exchange, so the drivers' frame reassembly is exercised.
 */
import { uuid128 } from '../transport/uuid';
import { bytesToHex } from '../transport/hex';
import { CONTEC_PC300_UUIDS, encodePc300StartNibp, encodePc300StopNibp } from '../vendor/contec-pc300';
import { CONTEC_SP80B_UUIDS, encodeSp80bFrame, SP80B_HEADERS } from '../vendor/contec-sp80b';
import { batteryService, characteristic, deviceInformationService, type PeripheralOptions } from './peripheral-parts';
import {
  encodePc300CuffPressure,
  encodePc300NibpResult,
  encodePc300Spo2,
  encodePc300Temperature,
  encodeSp80bRecord,
  type Sp80bRecordValues,
} from './vendor-encoders';
import { measurementBatches, timeline, type Frame, type VirtualPeripheral } from './virtual-peripheral';

const SMALL_MTU = 20;

/**
 * A Contec PC-300: while subscribed it streams SpO2 (probe off for two
 * seconds, then 97 %, pulse 70) and sends one temperature (36.8 °C); on the
 * start-NIBP command it inflates and sends 128/82 mmHg, pulse 72.
 */
export function simulatedPc300(
  options: PeripheralOptions & {
    systolic?: number;
    diastolic?: number;
    pulseRate?: number;
    spo2?: number;
    spo2PulseRate?: number;
    celsius?: number;
  } = {},
): VirtualPeripheral {
  const service = uuid128(CONTEC_PC300_UUIDS.service);
  const notify = uuid128(CONTEC_PC300_UUIDS.notify);
  const write = uuid128(CONTEC_PC300_UUIDS.write);
  const systolic = options.systolic ?? 128;
  const diastolic = options.diastolic ?? 82;

  const stream = timeline([
    ...Array.from({ length: 12 }, (_, i) => ({
      atMs: 1_000 * (i + 1),
      characteristic: notify,
      bytes: encodePc300Spo2({ spo2: options.spo2 ?? 97, pulseRate: options.spo2PulseRate ?? 70, perfusionIndex: 5.2, probeOff: i < 2 }),
    })),
    { atMs: 4_500, characteristic: notify, bytes: encodePc300Temperature(options.celsius ?? 36.8) },
  ]);
  const nibp: Frame[] = [];
  for (let pressure = 0; pressure <= systolic + 30; pressure += 15)
    nibp.push({ characteristic: notify, bytes: encodePc300CuffPressure(pressure), delayMs: 300 });
  for (let pressure = systolic + 20; pressure >= diastolic - 10; pressure -= 8)
    nibp.push({ characteristic: notify, bytes: encodePc300CuffPressure(pressure), delayMs: 400 });
  const result = encodePc300NibpResult({
    systolic,
    diastolic,
    meanArterialPressure: Math.round(diastolic + (systolic - diastolic) / 3),
    pulseRate: options.pulseRate ?? 72,
  });
  nibp.push({ characteristic: notify, bytes: result, delayMs: 500 });

  const plan = { fault: options.fault, corruption: 'checksum' as const, notificationSize: SMALL_MTU };
  return {
    name: options.name ?? 'PC-300 (simulated)',
    address: options.address ?? 'C0:FF:EE:00:00:07',
    family: 'multiparameter',
    description: 'Contec PC-300 multiparameter monitor (blood pressure, SpO2, temperature)',
    services: [
      {
        uuid: service,
        characteristics: [characteristic(notify, { notify: true }), characteristic(write, { write: true, writeWithoutResponse: true })],
      },
      deviceInformationService('Contec (simulated)', 'PC-300'),
      batteryService(75),
    ],
    reactions: [
      { id: 'stream', on: 'subscribe', characteristic: notify, ...measurementBatches(stream, { ...plan, badFrame: 4 }) },
      {
        id: 'nibp',
        on: 'write',
        characteristic: write,
        writePrefix: bytesToHex(encodePc300StartNibp()),
        ...measurementBatches(nibp, plan),
      },
      {
        id: 'nibp-stop',
        on: 'write',
        characteristic: write,
        writePrefix: bytesToHex(encodePc300StopNibp()),
        batches: [[]],
        cancels: ['nibp'],
      },
    ],
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
}

/** The default spirometry result: FVC 3.20 L, FEV1 2.60 L (81.3 %), PEF 7.20 L/s. */
export const DEFAULT_SPIROMETRY: Readonly<Sp80bRecordValues> = {
  fvcL: 3.2,
  fev05L: 1.6,
  fev1L: 2.6,
  fev1FvcPercent: 81.3,
  fev3L: 3.05,
  fev6L: 3.18,
  pefLps: 7.2,
  fef25Lps: 6.3,
  fef50Lps: 4.1,
  fef75Lps: 1.8,
  fef2575Lps: 3.5,
  pefTimeRaw: 12,
};

/** A Contec SP80B: three seconds after the page subscribes (the blow), the record count, the flow curve, then the result. */
export function simulatedSp80b(options: PeripheralOptions & { result?: Sp80bRecordValues } = {}): VirtualPeripheral {
  const service = uuid128(CONTEC_SP80B_UUIDS.service);
  const notify = uuid128(CONTEC_SP80B_UUIDS.notify);
  const write = uuid128(CONTEC_SP80B_UUIDS.write);
  const frames: Frame[] = [{ characteristic: notify, bytes: encodeSp80bFrame(SP80B_HEADERS.recordCount, [1]), delayMs: 3_000 }];
  // A flow curve: a fast rise to the peak, then a slow fall (raw 14-bit values; their meaning is not in the reference).
  for (let part = 0; part < 5; part++) {
    const values = Array.from({ length: 10 }, (_, i) => {
      const t = (part * 10 + i) / 50;
      return Math.round(720 * (t < 0.1 ? t / 0.1 : Math.exp(-(t - 0.1) * 3)));
    });
    frames.push({ characteristic: notify, bytes: encodeSp80bFrame(SP80B_HEADERS.wave, values), delayMs: 200 });
  }
  frames.push({ characteristic: notify, bytes: encodeSp80bRecord(options.result ?? DEFAULT_SPIROMETRY), delayMs: 400 });
  return {
    name: options.name ?? 'SP80B (simulated)',
    address: options.address ?? 'C0:FF:EE:00:00:08',
    family: 'spirometer',
    description: 'Contec SP80B spirometer',
    services: [
      {
        uuid: service,
        characteristics: [characteristic(notify, { notify: true }), characteristic(write, { write: true, writeWithoutResponse: true })],
      },
    ],
    reactions: [
      {
        id: 'test',
        on: 'subscribe',
        characteristic: notify,
        ...measurementBatches(frames, { fault: options.fault, corruption: 'checksum', notificationSize: SMALL_MTU }),
      },
    ],
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
}
