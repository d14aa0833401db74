/**
 * Wellue/Viatom ER1 and ER2 ECG patches: real-time data is polled.
 *
 *   subscribe notify (0734594A…)
 *   loop: write A5 03 FC 00 seq 01 00 7D crc   (real-time request)
 *         ◄── frames (reassembled across notifications) with the samples
 *             gathered since the previous request, 125 Hz, int16 counts
 *   until the strip is long enough. There is nothing to stop: polling ends.
 *
 * Before the patch touches the skin it reports leads off (and marks samples
 * invalid): the recording starts with the first block in contact. Leads off
 * or an invalid sample after that ends the measurement with
 * 'measurement-incomplete': the strip would have a hole.
 * The reply's sequence number is not checked against the request's (the
 * reference does not say the patch echoes it).
 */
import type { EcgStrip } from '../../ecg/leads';
import { abortableDelay } from '../../transport/backoff';
import { DeviceBridgeError } from '../../transport/errors';
import type { GattTransport } from '../../transport/gatt-transport';
import {
  decodeErRealTime,
  encodeErRealTimeRequest,
  ER_COMMANDS,
  ER_MV_PER_COUNT,
  ER_SAMPLE_RATE_HZ,
  ErFrameReassembler,
  WELLUE_ER_UUIDS,
  type ErFrame,
} from '../../vendor/wellue-er';
import { nameStartsWith, offersService } from '../device-matching';
import type { DeviceDescription, DeviceDriver, MeasureOptions } from '../driver';
import type { EcgMeasurement } from '../measurement';
import { deferred, withSession, type Deferred } from '../session';
import { ecgDurationS, ecgMeasurement, ecgTimeoutMs, LeadCollector } from './ecg-recording';

const UUIDS = WELLUE_ER_UUIDS;
/** Advertised name prefixes of the patches (ER2 is also sold as DuoEK). */
const NAME_PREFIXES = ['ER1', 'ER2', 'DuoEK'];

/** Options of a {@link WellueErEcgDriver}. */
export interface WellueErEcgDriverOptions {
  /** Pause between real-time requests (default 200 ms), so the patch has samples to send. */
  pollIntervalMs?: number;
  /** Time the patch gets to answer one request (default 5 s). */
  responseTimeoutMs?: number;
}

/** Records an ECG strip from a Wellue ER1 or ER2 patch. */
export class WellueErEcgDriver implements DeviceDriver<EcgMeasurement> {
  readonly id = 'wellue-er';
  readonly family = 'ecg';
  readonly label = 'Wellue ER1/ER2 ECG patch';
  readonly requestFilters = NAME_PREFIXES.map((namePrefix) => ({ namePrefix }));
  readonly optionalServices = [UUIDS.service];
  private readonly pollIntervalMs: number;
  private readonly responseTimeoutMs: number;

  constructor(options: WellueErEcgDriverOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.responseTimeoutMs = options.responseTimeoutMs ?? 5_000;
  }

  matches(device: DeviceDescription): boolean {
    return offersService(device, UUIDS.service) || nameStartsWith(device, NAME_PREFIXES);
  }

  async measure(transport: GattTransport, options: MeasureOptions = {}): Promise<EcgMeasurement> {
    const durationS = ecgDurationS(options);
    return withSession(transport, options, 'ECG recording', async (session) => {
      const collector = new LeadCollector(session, ER_SAMPLE_RATE_HZ, durationS);
      const reassembler = new ErFrameReassembler();
      let waiting: Deferred<ErFrame> | undefined;
      await session.subscribe(UUIDS.service, UUIDS.notify, (value) => {
        const { frames, rejected } = reassembler.push(value);
        if (rejected.length > 0) throw rejected[0];
        for (const frame of frames) {
          if (frame.command !== ER_COMMANDS.realTime) continue;
          waiting?.resolve(frame);
          waiting = undefined;
        }
      });

      // Ends the polling loop when the measurement ends, whichever way.
      const halt = new AbortController();
      const halted = new Promise<never>((_, reject) => halt.signal.addEventListener('abort', () => reject(halt.signal.reason)));
      halted.catch(() => undefined);
      const poll = async (): Promise<void> => {
        let sequence = 0;
        let recording = false;
        for (;;) {
          const answer = deferred<ErFrame>();
          waiting = answer;
          await session.write(UUIDS.service, UUIDS.write, encodeErRealTimeRequest(sequence));
          sequence = (sequence + 1) & 0xff;
          const frame = await session.within(
            Promise.race([answer.promise, halted]),
            this.responseTimeoutMs,
            'The ECG patch stopped answering',
          );
          const data = decodeErRealTime(frame);
          const inContact = !data.leadsOff && data.samplesMv.every((sample) => sample !== null);
          if (!inContact && recording) {
            throw new DeviceBridgeError(
              'measurement-incomplete',
              'The ECG patch lost contact with the skin during the recording: nothing was kept. Press it on again and record again.',
            );
          }
          if (!inContact) session.progress({ kind: 'ecg-waiting-for-contact' });
          else {
            recording = true;
            if (collector.add(data.rawSamples)) return;
          }
          if (this.pollIntervalMs > 0) await abortableDelay(this.pollIntervalMs, halt.signal);
        }
      };
      try {
        await session.within(poll(), ecgTimeoutMs(options, durationS), `The ECG patch did not record ${durationS} s in time`);
      } finally {
        halt.abort(new DeviceBridgeError('aborted', 'The ECG recording ended'));
      }
      const samples = collector.recorded;
      const strip: EcgStrip = { sampleRateHz: ER_SAMPLE_RATE_HZ, unit: 'mV', scale: ER_MV_PER_COUNT, leads: { I: samples } };
      return ecgMeasurement(session, this.id, 'wellue-er', strip, durationS, samples);
    });
  }
}
