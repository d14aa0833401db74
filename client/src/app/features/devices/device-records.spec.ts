import { TestBed } from '@angular/core/testing';
import type { DeviceDoc, SessionUser } from '@prossima/domain';
import { firstValueFrom, of } from 'rxjs';
import { NURSE } from '../../../testing/test-helpers';
import { DatabaseService } from '../../core/database/database';
import { LocalWrites } from '../../core/sync/local-writes';
import { DeviceRecords, ownDevicesSelector } from './device-records';

const PATIENT_USER: SessionUser = { id: 'u-paz', username: 'paz', displayName: 'Mario Rossi', role: 'patient', districtId: 'd-roma1', patientId: 'p-mario' };

function device(fields: Partial<DeviceDoc>): DeviceDoc {
  return {
    id: 'dev-1',
    districtId: 'd-roma1',
    ownerId: 'u-anna',
    kind: 'thermometer',
    model: 'TH-1',
    name: 'Termometro',
    pairedAt: '2025-11-01T09:00:00.000Z',
    status: 'active',
    updatedAt: '2025-11-01T09:00:00.000Z',
    updatedBy: 'u-anna',
    ...fields,
  };
}

describe('DeviceRecords', () => {
  let selectors: unknown[];
  let inserted: DeviceDoc[];
  let patches: { id: string; patch: Partial<DeviceDoc> }[];

  function setUp(docs: DeviceDoc[]) {
    selectors = [];
    inserted = [];
    patches = [];
    TestBed.configureTestingModule({
      providers: [
        {
          provide: DatabaseService,
          useValue: {
            watch: (query: (db: unknown) => unknown) =>
              query({
                collections: {
                  devices: {
                    find: ({ selector }: { selector: Record<string, string> }) => {
                      selectors.push(selector);
                      const matching = docs.filter((d) => Object.entries(selector).every(([k, v]) => (d as unknown as Record<string, unknown>)[k] === v));
                      return { $: of(matching.map((d) => ({ toMutableJSON: () => d }))) };
                    },
                  },
                },
              }),
          },
        },
        {
          provide: LocalWrites,
          useValue: {
            insert: async (_c: string, doc: DeviceDoc) => (inserted.push(doc), doc),
            patch: async (_c: string, id: string, decide: (d: DeviceDoc) => Partial<DeviceDoc>) => {
              const current = docs.find((d) => d.id === id)!;
              const patch = decide(current);
              patches.push({ id, patch });
              return { ...current, ...patch };
            },
          },
        },
      ],
    });
    return TestBed.inject(DeviceRecords);
  }

  it('when a nurse or a patient asks for their devices, then the nurse gets her kit and the patient the home kit, active first', async () => {
    const records = setUp([
      device({ id: 'b', name: 'Bilancia', status: 'retired' }),
      device({ id: 'a', name: 'Termometro' }),
      device({ id: 'k', ownerId: undefined, patientId: 'p-mario', name: 'Misuratore' }),
    ]);
    expect((await firstValueFrom(records.devicesOf$(NURSE))).map((d) => d.id)).toEqual(['a', 'b']);
    expect((await firstValueFrom(records.devicesOf$(PATIENT_USER))).map((d) => d.id)).toEqual(['k']);
    expect(ownDevicesSelector({ ...NURSE, role: 'coordinator' })).toBeNull();
  });

  it('when a new device is paired, then a DeviceDoc owned by the nurse is inserted with a stable id', async () => {
    const records = setUp([]);
    const doc = await records.pair(
      NURSE,
      { bluetoothId: 'Zb6Ny2Qc8Jw4Ua0Hd5rKtA==', name: 'BP Monitor', kind: 'blood-pressure', model: 'BPM-1', batteryPercent: 85 },
      new Date('2025-11-22T09:30:00.000Z'),
    );
    expect(doc).toMatchObject({
      districtId: 'd-roma1',
      ownerId: 'u-anna',
      kind: 'blood-pressure',
      bluetoothId: 'Zb6Ny2Qc8Jw4Ua0Hd5rKtA==',
      pairedAt: '2025-11-22T09:30:00.000Z',
      lastSeenAt: '2025-11-22T09:30:00.000Z',
      batteryPercent: 85,
      status: 'active',
      updatedBy: 'u-anna',
    });
    expect(doc.id).toMatch(/^dev-u-anna-[0-9a-f]{16}$/);
    expect('patientId' in doc).toBe(false);
  });

  it('when a device paired before is paired again, then its DeviceDoc is made active and refreshed, not duplicated', async () => {
    const records = setUp([device({ id: 'dev-old', bluetoothId: 'X', status: 'retired' })]);
    await records.pair(NURSE, { bluetoothId: 'X', name: 'Termometro', kind: 'thermometer', model: 'TH-2' }, new Date('2025-11-22T09:30:00.000Z'));
    expect(inserted).toEqual([]);
    expect(patches).toEqual([
      { id: 'dev-old', patch: expect.objectContaining({ status: 'active', model: 'TH-2', lastSeenAt: '2025-11-22T09:30:00.000Z', updatedBy: 'u-anna' }) },
    ]);
  });

  it('when a device is used, then its last reading time and battery are recorded', async () => {
    const records = setUp([device({ id: 'dev-1' })]);
    await records.recordUse(NURSE, 'dev-1', new Date('2025-11-22T10:00:00.000Z'), 40);
    expect(patches[0].patch).toEqual({ lastSeenAt: '2025-11-22T10:00:00.000Z', batteryPercent: 40, updatedAt: '2025-11-22T10:00:00.000Z', updatedBy: 'u-anna' });
  });
});
