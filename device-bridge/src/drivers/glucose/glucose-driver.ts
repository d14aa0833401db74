/**
 * Glucose profile (0x1808): stored records fetched through the Record Access
 * Control Point (RACP).
 *
 *   subscribe 2A18 (measurement), 2A34 (context, when present), 2A52 (RACP)
 *   write 2A52  01 01            report all records
 *          or   01 03 01 nn nn   report records with sequence number ≥ n
 *   ◄── 2A18 / 2A34 notifications, one pair per record
 *   ◄── 2A52 indication 06 00 01 01 (success) or 06 00 01 06 (no records)
 *
 * Contexts are paired with measurements by sequence number. Glucose meters
 * require bonding: the browser or the system asks for it on first use.
 */
import { BATTERY_UUIDS } from '../../gatt/battery';
import { DEVICE_INFORMATION_UUIDS } from '../../gatt/device-information';
import { parseGlucoseMeasurementContext, type GlucoseContext } from '../../gatt/glucose-context';
import { GLUCOSE_UUIDS, parseGlucoseMeasurement, type GlucoseReading } from '../../gatt/glucose-measurement';
import { encodeRacpRequest, parseRacpResponse, type RacpResponse } from '../../gatt/record-access';
import { DeviceBridgeError } from '../../transport/errors';
import type { GattTransport } from '../../transport/gatt-transport';
import { deviceTimeOf, offersService } from '../device-matching';
import type { DeviceDescription, DeviceDriver, MeasureOptions } from '../driver';
import type { GlucoseMeasurement, GlucoseRecord } from '../measurement';
import { deferred, withSession } from '../session';

const UUIDS = GLUCOSE_UUIDS;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Fetches the stored records of a meter that implements the Bluetooth Glucose profile. */
export class GlucoseDriver implements DeviceDriver<GlucoseMeasurement> {
  readonly id = 'sig-glucose';
  readonly family = 'glucose';
  readonly label = 'Glucose meter (Bluetooth Glucose profile)';
  readonly requestFilters = [{ services: [UUIDS.service] }];
  readonly optionalServices = [UUIDS.service, DEVICE_INFORMATION_UUIDS.service, BATTERY_UUIDS.service];

  matches(device: DeviceDescription): boolean {
    return offersService(device, UUIDS.service);
  }

  measure(transport: GattTransport, options: MeasureOptions = {}): Promise<GlucoseMeasurement> {
    return withSession(transport, options, 'transfer of glucose records', async (session) => {
      const measurements = new Map<number, GlucoseReading>();
      const contexts = new Map<number, GlucoseContext>();
      const answered = deferred<RacpResponse>();
      // Subscribed before the request is written: the records start streaming at once.
      await session.subscribe(UUIDS.service, UUIDS.measurement, (value) => {
        const reading = parseGlucoseMeasurement(value);
        measurements.set(reading.sequenceNumber, reading);
        session.progress({ kind: 'glucose-records', received: measurements.size });
      });
      if (await session.hasCharacteristic(UUIDS.service, UUIDS.measurementContext)) {
        await session.subscribe(UUIDS.service, UUIDS.measurementContext, (value) => {
          const context = parseGlucoseMeasurementContext(value);
          contexts.set(context.sequenceNumber, context);
        });
      }
      await session.subscribe(UUIDS.service, UUIDS.recordAccessControlPoint, (value) => answered.resolve(parseRacpResponse(value)));
      const from = options.fromSequenceNumber;
      const request = encodeRacpRequest({
        op: 'report-stored-records',
        records: from === undefined ? { kind: 'all' } : { kind: 'from-sequence-number', sequenceNumber: from },
      });
      await session.write(UUIDS.service, UUIDS.recordAccessControlPoint, request, { withResponse: true });
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const response = await session.within(
        answered.promise,
        timeoutMs,
        `The glucose meter did not finish sending its records within ${timeoutMs / 1000} s`,
      );
      if (response.kind !== 'response-code' || response.request !== 'report-stored-records') {
        throw new DeviceBridgeError('measurement-incomplete', 'The glucose meter answered the request for its records with something else');
      }
      if (response.meaning !== 'success' && response.meaning !== 'no-records-found') {
        throw new DeviceBridgeError('measurement-incomplete', `The glucose meter refused to send its records (${response.meaning})`);
      }
      const records: GlucoseRecord[] = [...measurements.values()]
        .sort((a, b) => a.sequenceNumber - b.sequenceNumber)
        .map((measurement) => {
          const context = contexts.get(measurement.sequenceNumber);
          return context === undefined ? { measurement } : { measurement, context };
        });
      const latest = records.at(-1)?.measurement;
      return {
        ...session.base('glucose', this.id),
        ...(latest === undefined ? {} : { deviceSequenceNumber: latest.sequenceNumber, ...deviceTimeOf(latest.time) }),
        records,
      };
    });
  }
}
