/**
 * Polar H10 chest strap, ECG over the Polar Measurement Data (PMD) service.
 *
 *   subscribe control point (…5C81, indications) and data (…5C82, notifications)
 *   write 02 00 00 01 82 00 01 01 0E 00   start ECG, 130 Hz, 14 bit
 *   ◄── F0 02 00 00 …                      started (status 00)
 *   ◄── data frames, ~73 µV samples each   until the strip is long enough
 *   write 03 00                             stop: ALWAYS, also after an error or
 *                                           an abort; the strap otherwise streams
 *                                           until its battery is flat
 *
 * The single channel is a chest lead; it is stored as lead I of the strip.
 */
import { BATTERY_UUIDS } from '../../gatt/battery';
import { DEVICE_INFORMATION_UUIDS } from '../../gatt/device-information';
import { HEART_RATE_UUIDS } from '../../gatt/heart-rate';
import type { EcgStrip } from '../../ecg/leads';
import { DeviceBridgeError } from '../../transport/errors';
import type { GattTransport } from '../../transport/gatt-transport';
import {
  encodePmdStartEcg,
  encodePmdStop,
  parsePmdControlPointResponse,
  parsePmdEcgFrame,
  PMD_OP_CODES,
  pmdTimestampToDate,
  POLAR_PMD_UUIDS,
  type PmdControlPointResponse,
} from '../../vendor/polar-pmd';
import { nameStartsWith, offersService } from '../device-matching';
import type { DeviceDescription, DeviceDriver, MeasureOptions } from '../driver';
import type { EcgMeasurement } from '../measurement';
import { deferred, withSession } from '../session';
import { ecgDurationS, ecgMeasurement, ecgTimeoutMs, LeadCollector, sendStopCommand } from './ecg-recording';

const UUIDS = POLAR_PMD_UUIDS;
const SAMPLE_RATE_HZ = 130;
const RESOLUTION_BITS = 14;
const START_TIMEOUT_MS = 10_000;
const NAME_PREFIXES = ['Polar H10'];

/** Records an ECG strip from a Polar H10. */
export class PolarH10EcgDriver implements DeviceDriver<EcgMeasurement> {
  readonly id = 'polar-h10';
  readonly family = 'ecg';
  readonly label = 'Polar H10 chest strap (ECG)';
  readonly requestFilters = NAME_PREFIXES.map((namePrefix) => ({ namePrefix }));
  readonly optionalServices = [UUIDS.service, HEART_RATE_UUIDS.service, DEVICE_INFORMATION_UUIDS.service, BATTERY_UUIDS.service];

  matches(device: DeviceDescription): boolean {
    return offersService(device, UUIDS.service) || nameStartsWith(device, NAME_PREFIXES);
  }

  async measure(transport: GattTransport, options: MeasureOptions = {}): Promise<EcgMeasurement> {
    const durationS = ecgDurationS(options);
    return withSession(transport, options, 'ECG recording', async (session) => {
      const collector = new LeadCollector(session, SAMPLE_RATE_HZ, durationS);
      const started = deferred<PmdControlPointResponse>();
      let startNs: bigint | undefined;
      await session.subscribe(UUIDS.service, UUIDS.controlPoint, (value) => {
        const response = parsePmdControlPointResponse(value);
        if (response.opCode === PMD_OP_CODES.start) started.resolve(response);
      });
      await session.subscribe(UUIDS.service, UUIDS.data, (value) => {
        const frame = parsePmdEcgFrame(value);
        // A frame's time stamp is that of its last sample.
        startNs ??= frame.timestampNs - BigInt(Math.round(((frame.samplesUv.length - 1) * 1e9) / SAMPLE_RATE_HZ));
        collector.add(frame.samplesUv);
      });
      try {
        await session.write(
          UUIDS.service,
          UUIDS.controlPoint,
          encodePmdStartEcg({ sampleRateHz: SAMPLE_RATE_HZ, resolutionBits: RESOLUTION_BITS }),
        );
        const response = await session.within(
          started.promise,
          START_TIMEOUT_MS,
          'The Polar H10 did not answer the request to start the ECG',
        );
        if (response.status !== 'success' && response.status !== 'already-in-state') {
          throw new DeviceBridgeError(
            'measurement-incomplete',
            `The Polar H10 refused to start the ECG (${response.status}): check that the strap is worn with moistened electrodes`,
          );
        }
        const timeoutMs = ecgTimeoutMs(options, durationS);
        await session.within(collector.complete, timeoutMs, `The Polar H10 stopped sending the ECG before ${durationS} s were recorded`);
      } finally {
        await sendStopCommand(transport, UUIDS.service, UUIDS.controlPoint, encodePmdStop());
      }
      const samples = collector.recorded;
      const strip: EcgStrip = { sampleRateHz: SAMPLE_RATE_HZ, unit: 'uV', scale: 1, leads: { I: samples } };
      const deviceTime = startNs === undefined ? undefined : pmdTimestampToDate(startNs).toISOString();
      return ecgMeasurement(session, this.id, 'polar-h10', strip, durationS, samples, deviceTime);
    });
  }
}
