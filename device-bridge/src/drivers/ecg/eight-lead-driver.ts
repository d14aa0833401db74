/**
 * The 8-lead ECG driver, ready for the vendor protocol of the kit's 8-lead
 * recorder (no public protocol exists for any 8- or 12-lead device). The
 * protocol adapter (`EightLeadEcgProtocol`: bytes in, blocks of the eight
 * recorded leads out, start and stop commands) and the GATT layout are given
 * when the driver is built; this driver subscribes, starts, collects blocks
 * into a 12-lead strip (III, aVR, aVL, aVF derived) and ALWAYS sends stop.
 *
 * The simulator's demo 8-lead peripheral is read by this driver with the
 * simulator's demo protocol.
 */
import { EightLeadStripRecorder, type EightLeadEcgProtocol, type LeadName, type LeadSamples } from '../../ecg/leads';
import type { GattTransport } from '../../transport/gatt-transport';
import { uuid128 } from '../../transport/uuid';
import { nameStartsWith, offersService } from '../device-matching';
import type { DeviceDescription, DeviceDriver, MeasureOptions } from '../driver';
import type { EcgMeasurement } from '../measurement';
import { deferred, withSession } from '../session';
import { ecgDurationS, ecgMeasurement, ecgTimeoutMs, sendStopCommand } from './ecg-recording';

/** An 8-lead recorder: its protocol adapter and where its protocol lives in GATT. */
export interface EightLeadEcgDevice {
  /** Driver id stored with each measurement, e.g. "acme-ecg8". */
  id: string;
  /** English name, e.g. "ACME 8-lead ECG". */
  label: string;
  protocol: EightLeadEcgProtocol;
  service: string;
  /** Characteristic the blocks are notified on. */
  notify: string;
  /** Characteristic the start and stop commands are written to. */
  write: string;
  /** Advertised name prefixes. */
  namePrefixes: readonly string[];
}

/** Records a 12-lead strip (8 recorded, 4 derived) from an 8-lead recorder through its protocol adapter. */
export class EightLeadEcgDriver implements DeviceDriver<EcgMeasurement> {
  readonly id: string;
  readonly family = 'ecg';
  readonly label: string;
  readonly requestFilters: { namePrefix: string }[];
  readonly optionalServices: string[];
  private readonly service: string;
  private readonly notify: string;
  private readonly write: string;

  constructor(private readonly device: EightLeadEcgDevice) {
    this.id = device.id;
    this.label = device.label;
    this.service = uuid128(device.service);
    this.notify = uuid128(device.notify);
    this.write = uuid128(device.write);
    this.requestFilters = device.namePrefixes.map((namePrefix) => ({ namePrefix }));
    this.optionalServices = [this.service];
  }

  matches(device: DeviceDescription): boolean {
    return offersService(device, this.service) || nameStartsWith(device, this.device.namePrefixes);
  }

  async measure(transport: GattTransport, options: MeasureOptions = {}): Promise<EcgMeasurement> {
    const durationS = ecgDurationS(options);
    const { protocol } = this.device;
    return withSession(transport, options, 'ECG recording', async (session) => {
      const recorder = new EightLeadStripRecorder(protocol);
      const target = Math.round(durationS * protocol.sampleRateHz);
      const complete = deferred<void>();
      await session.subscribe(this.service, this.notify, (value) => {
        if (recorder.sampleCount >= target) return;
        for (const block of protocol.decode(value)) {
          recorder.append(block);
          const recordedS = Math.min(recorder.sampleCount, target) / protocol.sampleRateHz;
          session.progress({ kind: 'ecg-recording', recordedS, durationS, samples: Array.from(block.II) });
        }
        if (recorder.sampleCount >= target) complete.resolve();
      });
      try {
        await session.write(this.service, this.write, protocol.encodeStart());
        await session.within(
          complete.promise,
          ecgTimeoutMs(options, durationS),
          `The ECG recorder stopped sending before ${durationS} s were recorded`,
        );
      } finally {
        await sendStopCommand(transport, this.service, this.write, protocol.encodeStop());
      }
      const strip = recorder.toStrip();
      const leads: Partial<Record<LeadName, LeadSamples>> = {};
      for (const [name, samples] of Object.entries(strip.leads) as [LeadName, LeadSamples][]) leads[name] = samples.slice(0, target);
      return ecgMeasurement(session, this.id, this.id, { ...strip, leads }, durationS, leads.II ?? []);
    });
  }
}
