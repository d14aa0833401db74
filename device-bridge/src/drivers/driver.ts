/**
 * The contract every device driver fulfils. A driver knows one device family
 * (or one vendor protocol), says which devices it reads, and turns one GATT
 * session into one {@link Measurement}; it gets its transport injected and
 * never touches `navigator.bluetooth`.
 */
import type { GattTransport } from '../transport/gatt-transport';
import type { ScanFilterLike } from '../transport/web-bluetooth';
import type { DeviceFamily, Measurement } from './measurement';

/** What is known about a device before a driver is chosen. */
export interface DeviceDescription {
  /** Advertised name; '' when none. */
  name: string;
  /** Primary service UUIDs (128-bit, any case) found after connecting, or advertised. */
  services: readonly string[];
}

/** Progress a driver reports while it measures, to drive the screen. */
export type MeasurementProgress =
  /** Subscribed: waiting for the device (or the user on the device) to produce the reading. */
  | { kind: 'waiting-for-device' }
  | { kind: 'cuff-pressure'; pressure: number; unit: string }
  | { kind: 'intermediate-temperature'; temperature: number; unit: string }
  | { kind: 'spo2'; spo2: number; pulseRate: number; steadyReadings: number; needed: number }
  | { kind: 'heart-rate'; bpm: number; readings: number; needed: number }
  | { kind: 'glucose-records'; received: number }
  /** The electrodes do not touch the skin yet: the recording has not started. */
  | { kind: 'ecg-waiting-for-contact' }
  /** The ECG recording advances; `samples` are the newest samples of the displayed lead, in strip counts. */
  | { kind: 'ecg-recording'; recordedS: number; durationS: number; samples: number[] };

/** Options of one measurement. */
export interface MeasureOptions {
  /** Cancels the measurement: it rejects with DeviceBridgeError('aborted'), and vendor streams are stopped. */
  signal?: AbortSignal;
  onProgress?: (progress: MeasurementProgress) => void;
  /** Clock for `receivedAt` (default: the system clock). */
  now?: () => Date;
  /** How long to wait for the device's reading before DeviceBridgeError('timeout'); each driver has its default. */
  timeoutMs?: number;
  /** ECG: length of the strip to record, s (default 30). */
  durationS?: number;
  /** Glucose: fetch only the records with at least this sequence number (the last one stored, plus one). */
  fromSequenceNumber?: number;
  /** Multiparameter monitor: which reading to take (default 'blood-pressure'). */
  parameter?: 'blood-pressure' | 'spo2' | 'temperature';
}

/** Reads one device family or vendor protocol. */
export interface DeviceDriver<M extends Measurement = Measurement> {
  /** Stable id, e.g. "sig-blood-pressure"; stored with each measurement. */
  readonly id: string;
  readonly family: DeviceFamily;
  /** English name of what it reads, e.g. "Polar H10 chest strap (ECG)". */
  readonly label: string;
  /** Filters for the browser's device chooser. */
  readonly requestFilters: readonly ScanFilterLike[];
  /** Every service the driver uses, for `optionalServices` (the browser refuses services not listed). */
  readonly optionalServices: readonly string[];
  /** Whether this driver reads the device. */
  matches(device: DeviceDescription): boolean;
  /** Takes one measurement; rejects with DeviceBridgeError or MeasurementFormatError, never with a partial result. */
  measure(transport: GattTransport, options?: MeasureOptions): Promise<M>;
}
