/** What the ECG drivers share: the strip length, sample collection with progress, the stop command and the result. */
import { estimateHeartRate } from '../../ecg/heart-rate';
import type { EcgStrip } from '../../ecg/leads';
import { DeviceBridgeError } from '../../transport/errors';
import type { GattTransport } from '../../transport/gatt-transport';
import type { MeasureOptions } from '../driver';
import type { EcgMeasurement } from '../measurement';
import { deferred, type MeasurementSession } from '../session';

/** Default strip length, s. */
export const DEFAULT_ECG_DURATION_S = 30;
const MAX_ECG_DURATION_S = 600;
/** Time allowed beyond the strip length for starting, contact and late frames. */
const ECG_TIMEOUT_MARGIN_MS = 30_000;

/** The requested strip length; throws TypeError when it is not a number of seconds in (0, 600]. */
export function ecgDurationS(options: MeasureOptions): number {
  const durationS = options.durationS ?? DEFAULT_ECG_DURATION_S;
  if (!(Number.isFinite(durationS) && durationS > 0 && durationS <= MAX_ECG_DURATION_S)) {
    throw new TypeError(`ECG: durationS must be a number of seconds in (0, ${MAX_ECG_DURATION_S}], got ${durationS}`);
  }
  return durationS;
}

/** How long the whole recording may take. */
export function ecgTimeoutMs(options: MeasureOptions, durationS: number): number {
  return options.timeoutMs ?? durationS * 1000 + ECG_TIMEOUT_MARGIN_MS;
}

/** Collects the samples of one lead until the strip is long enough, reporting progress. */
export class LeadCollector {
  /** Samples the strip needs. */
  readonly target: number;
  private readonly samples: number[] = [];
  private readonly done = deferred<void>();

  constructor(
    private readonly session: MeasurementSession,
    readonly sampleRateHz: number,
    readonly durationS: number,
  ) {
    this.target = Math.round(durationS * sampleRateHz);
  }

  /** Resolves once {@link target} samples are in. */
  get complete(): Promise<void> {
    return this.done.promise;
  }

  /** Adds a chunk of samples; returns true once the strip is complete. */
  add(chunk: ArrayLike<number>): boolean {
    if (this.samples.length >= this.target) return true;
    for (let i = 0; i < chunk.length; i++) this.samples.push(chunk[i]);
    const recordedS = Math.min(this.samples.length, this.target) / this.sampleRateHz;
    this.session.progress({ kind: 'ecg-recording', recordedS, durationS: this.durationS, samples: Array.from(chunk) });
    if (this.samples.length < this.target) return false;
    this.done.resolve();
    return true;
  }

  /** The strip's samples: exactly {@link target} of them once complete. */
  get recorded(): number[] {
    return this.samples.slice(0, this.target);
  }
}

/** The measurement for a finished strip; the heart rate is estimated on `rateLead`. */
export function ecgMeasurement(
  session: MeasurementSession,
  driver: string,
  model: string,
  strip: EcgStrip,
  durationS: number,
  rateLead: ArrayLike<number>,
  deviceTime?: string,
): EcgMeasurement {
  return {
    ...session.base('ecg', driver),
    ...(deviceTime === undefined ? {} : { deviceTime }),
    model,
    strip,
    durationS,
    heartRate: estimateHeartRate(rateLead, strip.sampleRateHz),
  };
}

/**
 * Writes a stream's stop command, outside the session (which may have failed
 * or been aborted): a device left streaming drains its battery. A link that is
 * already down cannot be told, and a device stops streaming when it drops.
 */
export async function sendStopCommand(
  transport: GattTransport,
  service: string,
  characteristic: string,
  command: Uint8Array,
): Promise<void> {
  try {
    await transport.write(service, characteristic, command);
  } catch (error) {
    if (!(error instanceof DeviceBridgeError)) throw error;
  }
}
