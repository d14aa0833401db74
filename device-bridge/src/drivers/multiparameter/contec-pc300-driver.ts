/**
 * Contec PC-300 multiparameter monitor: one reading per measurement, chosen
 * by `options.parameter`.
 *
 *   blood-pressure  write AA 55 40 02 01 29 (start NIBP) → cuff pressure frames
 *                   (42) → result (43/01) or device error (43/02). If the
 *                   measurement ends any other way (abort, timeout, bad frame),
 *                   stop (AA 55 40 02 02 CB) is written so the cuff deflates.
 *   spo2            the monitor streams SpO2 frames (53) while the probe is on;
 *                   the reading is the last of a run of valid ones.
 *   temperature     the first temperature frame (72).
 *
 * Frames are reassembled across notifications; a frame that fails its CRC ends
 * the measurement (it may have been the result). Frames of tokens the decoder
 * does not know (waveforms) are kept raw and otherwise ignored.
 *
 * UNCONFIRMED: the advertised names in PC300_NAME_PREFIXES.
 */
import { BATTERY_UUIDS } from '../../gatt/battery';
import { DEVICE_INFORMATION_UUIDS } from '../../gatt/device-information';
import { DeviceBridgeError } from '../../transport/errors';
import type { GattTransport } from '../../transport/gatt-transport';
import { uuid128 } from '../../transport/uuid';
import {
  CONTEC_PC300_UUIDS,
  decodePc300Message,
  encodePc300StartNibp,
  encodePc300StopNibp,
  PC300_TOKENS,
  Pc300FrameReassembler,
  type Pc300Message,
} from '../../vendor/contec-pc300';
import { nameStartsWith, offersService } from '../device-matching';
import type { DeviceDescription, DeviceDriver, MeasureOptions } from '../driver';
import type { MultiparameterMeasurement } from '../measurement';
import { deferred, withSession } from '../session';

const SERVICE = uuid128(CONTEC_PC300_UUIDS.service);
const NOTIFY = uuid128(CONTEC_PC300_UUIDS.notify);
const WRITE = uuid128(CONTEC_PC300_UUIDS.write);
/** Advertised name prefixes taken for a PC-300 (UNCONFIRMED: check against the kit's monitor). */
const PC300_NAME_PREFIXES = ['PC-300', 'PC_300', 'PC300', 'PC-303'];
const KNOWN_TOKENS: ReadonlySet<number> = new Set(Object.values(PC300_TOKENS));
const DEFAULT_TIMEOUT_MS = { 'blood-pressure': 180_000, spo2: 90_000, temperature: 120_000 } as const;
const WHAT = { 'blood-pressure': 'blood pressure measurement', spo2: 'SpO2 reading', temperature: 'temperature measurement' } as const;

type Reading = MultiparameterMeasurement['reading'];

/** Options of a {@link ContecPc300Driver}. */
export interface ContecPc300DriverOptions {
  /** Consecutive valid SpO2 frames needed (default 5). */
  steadySpo2Readings?: number;
}

/** Reads the Contec PC-300 over its vendor protocol. */
export class ContecPc300Driver implements DeviceDriver<MultiparameterMeasurement> {
  readonly id = 'contec-pc300';
  readonly family = 'multiparameter';
  readonly label = 'Contec PC-300 multiparameter monitor';
  readonly requestFilters = PC300_NAME_PREFIXES.map((namePrefix) => ({ namePrefix }));
  readonly optionalServices = [SERVICE, DEVICE_INFORMATION_UUIDS.service, BATTERY_UUIDS.service];
  private readonly steadySpo2Readings: number;

  constructor(options: ContecPc300DriverOptions = {}) {
    this.steadySpo2Readings = options.steadySpo2Readings ?? 5;
  }

  matches(device: DeviceDescription): boolean {
    // FFF0 is used by many unrelated devices: the name must match too.
    return offersService(device, SERVICE) && nameStartsWith(device, PC300_NAME_PREFIXES);
  }

  measure(transport: GattTransport, options: MeasureOptions = {}): Promise<MultiparameterMeasurement> {
    const parameter = options.parameter ?? 'blood-pressure';
    return withSession(transport, options, WHAT[parameter], async (session) => {
      const result = deferred<Reading>();
      const reassembler = new Pc300FrameReassembler();
      let cuffInflating = false;
      let steadySpo2 = 0;
      const handle = (message: Pc300Message): void => {
        if (parameter === 'blood-pressure') {
          if (message.kind === 'cuff-pressure')
            session.progress({ kind: 'cuff-pressure', pressure: message.cuffPressure, unit: message.unit });
          if (message.kind === 'nibp-result') {
            cuffInflating = false;
            result.resolve(message);
          }
          if (message.kind === 'nibp-error') {
            cuffInflating = false;
            throw new DeviceBridgeError(
              'measurement-incomplete',
              `The monitor could not measure the blood pressure (its error code ${message.errorCode}): check the cuff and try again`,
            );
          }
        } else if (parameter === 'spo2') {
          if (message.kind === 'spo2') {
            steadySpo2++;
            session.progress({
              kind: 'spo2',
              spo2: message.spo2Percent,
              pulseRate: message.pulseRate,
              steadyReadings: steadySpo2,
              needed: this.steadySpo2Readings,
            });
            if (steadySpo2 >= this.steadySpo2Readings) result.resolve(message);
          }
          if (message.kind === 'spo2-unavailable') steadySpo2 = 0;
        } else if (message.kind === 'temperature') {
          result.resolve(message);
        }
      };
      await session.subscribe(SERVICE, NOTIFY, (value) => {
        const { frames, rejected } = reassembler.push(value);
        if (rejected.length > 0) throw rejected[0];
        for (const frame of frames) if (KNOWN_TOKENS.has(frame.token)) handle(decodePc300Message(frame));
      });
      try {
        if (parameter === 'blood-pressure') {
          // Set before writing: a write that times out may still have started the pump.
          cuffInflating = true;
          await session.write(SERVICE, WRITE, encodePc300StartNibp());
        }
        session.progress({ kind: 'waiting-for-device' });
        const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS[parameter];
        const reading = await session.within(
          result.promise,
          timeoutMs,
          `The monitor sent no ${WHAT[parameter]} within ${timeoutMs / 1000} s`,
        );
        return { ...session.base('multiparameter', this.id), reading };
      } finally {
        if (cuffInflating) await stopNibp(transport);
      }
    });
  }
}

/** Deflates the cuff; a link already down cannot be told, and the monitor's own safety timer deflates it. */
async function stopNibp(transport: GattTransport): Promise<void> {
  try {
    await transport.write(SERVICE, WRITE, encodePc300StopNibp());
  } catch (error) {
    if (!(error instanceof DeviceBridgeError)) throw error;
  }
}
