/**
 * A glucose meter with stored records, answering Record Access Control Point
 * requests: "all records" (01 01), "records ≥ n" (01 03 01 nn nn, one
 * reaction per n so the script stays plain data), and "number of records"
 * (04 01). Each record is a measurement and its context (the meal), then the
 * RACP response.
 */
import { GLUCOSE_UUIDS } from '../gatt/glucose-measurement';
import { batteryService, characteristic, deviceInformationService, type PeripheralOptions } from './peripheral-parts';
import { encodeGlucoseContext, encodeGlucoseMeasurement, encodeRacpRecordCount, encodeRacpResponseCode } from './sig-encoders';
import { framesToEvents, measurementBatches, type Frame, type Reaction, type VirtualPeripheral } from './virtual-peripheral';

/** One stored glucose record. */
export interface SimulatedGlucoseRecord {
  mgdl: number;
  /** Local time "YYYY-MM-DDTHH:MM:SS". */
  time: string;
  /** 1 preprandial, 2 postprandial, 3 fasting, 4 casual, 5 bedtime. */
  meal: number;
}

/** Three capillary readings over two days (fasting 95, after lunch 132, fasting 108 mg/dL). */
export const DEFAULT_GLUCOSE_RECORDS: readonly SimulatedGlucoseRecord[] = [
  { mgdl: 95, time: '2025-06-01T07:30:00', meal: 3 },
  { mgdl: 132, time: '2025-06-01T13:45:00', meal: 2 },
  { mgdl: 108, time: '2025-06-02T07:40:00', meal: 3 },
];

const REPORT_STORED_RECORDS = 0x01;
const SUCCESS = 0x01;
const NO_RECORDS_FOUND = 0x06;

/** A glucose meter holding `records` (sequence numbers from 1). */
export function simulatedGlucoseMeter(
  options: PeripheralOptions & { records?: readonly SimulatedGlucoseRecord[] } = {},
): VirtualPeripheral {
  const uuids = GLUCOSE_UUIDS;
  const stored = options.records ?? DEFAULT_GLUCOSE_RECORDS;
  const racp = uuids.recordAccessControlPoint;
  const recordFrames = (from: number): Frame[] => {
    const frames: Frame[] = [];
    stored.forEach((record, i) => {
      const sequenceNumber = i + 1;
      if (sequenceNumber < from) return;
      frames.push({
        characteristic: uuids.measurement,
        bytes: encodeGlucoseMeasurement({ sequenceNumber, time: record.time, mgdl: record.mgdl, contextFollows: true }),
        delayMs: 150,
      });
      frames.push({
        characteristic: uuids.measurementContext,
        bytes: encodeGlucoseContext({ sequenceNumber, meal: record.meal }),
        delayMs: 50,
      });
    });
    const found = frames.length > 0;
    frames.push({
      characteristic: racp,
      bytes: encodeRacpResponseCode(REPORT_STORED_RECORDS, found ? SUCCESS : NO_RECORDS_FOUND),
      delayMs: 100,
    });
    return frames;
  };
  // The first measurement is the one a bad-bytes fault spoils: its concentration loses its last byte.
  const plan = { fault: options.fault, corruption: 'truncate' as const, badFrame: 0 };
  const reactions: Reaction[] = [
    { id: 'report-all', on: 'write', characteristic: racp, writePrefix: '0101', ...measurementBatches(recordFrames(1), plan) },
  ];
  for (let from = 1; from <= stored.length + 1; from++) {
    const operand = `${(from & 0xff).toString(16).padStart(2, '0')}${(from >> 8).toString(16).padStart(2, '0')}`;
    reactions.push({
      id: `report-from-${from}`,
      on: 'write',
      characteristic: racp,
      writePrefix: `010301${operand}`,
      ...measurementBatches(recordFrames(from), plan),
    });
  }
  const count: Frame = { characteristic: racp, bytes: encodeRacpRecordCount(stored.length), delayMs: 100 };
  reactions.push({
    id: 'count',
    on: 'write',
    characteristic: racp,
    writePrefix: '0401',
    batches: [framesToEvents([count])],
    repeatLast: true,
  });
  return {
    name: options.name ?? 'Glucose Meter (simulated)',
    address: options.address ?? 'C0:FF:EE:00:00:06',
    family: 'glucose',
    description: 'Glucose meter with stored readings, Bluetooth Glucose profile',
    services: [
      {
        uuid: uuids.service,
        characteristics: [
          characteristic(uuids.measurement, { notify: true }),
          characteristic(uuids.measurementContext, { notify: true }),
          characteristic(uuids.feature, { read: true }, '0000'),
          characteristic(racp, { write: true, indicate: true }),
        ],
      },
      deviceInformationService('Prossima Simulator', 'GM-1'),
      batteryService(80),
    ],
    reactions,
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
}
