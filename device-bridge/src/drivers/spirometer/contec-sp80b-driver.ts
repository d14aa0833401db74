/**
 * Contec SP80B spirometer: the device sends its result after the blow (a
 * record frame, E1), possibly after the flow curve (E2 wave frames). The
 * record becomes one validated SpirometryResult.
 *
 * The reference encodes no command for this device, so nothing is written:
 * the user blows and the device sends. Frames of headers the decoder does not
 * know are kept raw and otherwise ignored; a frame that fails its checksum
 * ends the measurement.
 *
 * UNCONFIRMED: the advertised names in SP80B_NAME_PREFIXES.
 */
import type { GattTransport } from '../../transport/gatt-transport';
import { uuid128 } from '../../transport/uuid';
import { CONTEC_SP80B_UUIDS, decodeSp80bMessage, SP80B_HEADERS, Sp80bFrameReassembler, type Sp80bMessage } from '../../vendor/contec-sp80b';
import { nameStartsWith, offersService } from '../device-matching';
import type { DeviceDescription, DeviceDriver, MeasureOptions } from '../driver';
import type { SpirometerMeasurement } from '../measurement';
import { deferred, withSession } from '../session';

const SERVICE = uuid128(CONTEC_SP80B_UUIDS.service);
const NOTIFY = uuid128(CONTEC_SP80B_UUIDS.notify);
/** Advertised name prefixes taken for an SP80B (UNCONFIRMED: check against the kit's spirometer). */
const SP80B_NAME_PREFIXES = ['SP80B', 'SP-80B', 'SP70B', 'SP10W'];
const KNOWN_HEADERS: ReadonlySet<number> = new Set(Object.values(SP80B_HEADERS));
const DEFAULT_TIMEOUT_MS = 180_000;

type SpirometryRecord = Extract<Sp80bMessage, { kind: 'record' }>;

/** Reads the Contec SP80B spirometer over its vendor protocol. */
export class ContecSp80bDriver implements DeviceDriver<SpirometerMeasurement> {
  readonly id = 'contec-sp80b';
  readonly family = 'spirometer';
  readonly label = 'Contec SP80B spirometer';
  readonly requestFilters = SP80B_NAME_PREFIXES.map((namePrefix) => ({ namePrefix }));
  readonly optionalServices = [SERVICE];

  matches(device: DeviceDescription): boolean {
    // FF12 is a generic vendor UUID: the name must match too.
    return offersService(device, SERVICE) && nameStartsWith(device, SP80B_NAME_PREFIXES);
  }

  measure(transport: GattTransport, options: MeasureOptions = {}): Promise<SpirometerMeasurement> {
    return withSession(transport, options, 'spirometry test', async (session) => {
      const result = deferred<SpirometryRecord>();
      const reassembler = new Sp80bFrameReassembler();
      await session.subscribe(SERVICE, NOTIFY, (value) => {
        const { frames, rejected } = reassembler.push(value);
        if (rejected.length > 0) throw rejected[0];
        for (const frame of frames) {
          if (!KNOWN_HEADERS.has(frame.header)) continue;
          const message = decodeSp80bMessage(frame);
          if (message.kind === 'record') result.resolve(message);
        }
      });
      session.progress({ kind: 'waiting-for-device' });
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const record = await session.within(result.promise, timeoutMs, `The spirometer sent no result within ${timeoutMs / 1000} s`);
      return { ...session.base('spirometer', this.id), result: record.result, pefTimeRaw: record.pefTimeRaw };
    });
  }
}
