import { BLOOD_PRESSURE_UUIDS, parseBloodPressureMeasurement } from '@prossima/device-bridge';
import { DEVICE_KINDS } from '@prossima/domain';
import { DEVICE_KIND_OF, familyOfKind, familyOfSimulated, localDateTime, MEASURE_FAMILIES, trainingPeripheral } from './kit-families';

describe('kit families', () => {
  it('when a family is stored as a device kind, then the kind is one of the schema and maps back to the family', () => {
    for (const family of MEASURE_FAMILIES) {
      expect(DEVICE_KINDS).toContain(DEVICE_KIND_OF[family]);
      expect(familyOfKind(DEVICE_KIND_OF[family])).toBe(family);
    }
    expect(familyOfKind('tablet')).toBeNull();
    expect(familyOfSimulated('ecg-eight-lead')).toBe('ecg');
  });

  it('when the training mode sets up a blood pressure monitor, then its clock reads the time it was set up', () => {
    const now = new Date(2025, 10, 22, 10, 5, 9);
    expect(localDateTime(now)).toBe('2025-11-22T10:05:09');
    const peripheral = trainingPeripheral('blood-pressure', now);
    const reaction = peripheral.reactions.find((r) => r.characteristic.startsWith('00002a35'))!;
    const last = reaction.batches[0].at(-1)!;
    if (last.kind !== 'notify') throw new Error('no reading');
    const bytes = Uint8Array.from(last.hex.match(/../g)!.map((h) => parseInt(h, 16)));
    const reading = parseBloodPressureMeasurement(new DataView(bytes.buffer));
    expect(reading.timestamp).toMatchObject({ kind: 'known', local: '2025-11-22T10:05:09' });
    expect(BLOOD_PRESSURE_UUIDS.measurement).toBe(0x2a35);
  });
});
