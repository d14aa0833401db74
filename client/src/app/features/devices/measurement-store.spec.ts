import { TestBed } from '@angular/core/testing';
import type { ObservationDoc } from '@prossima/domain';
import { setUpDevices } from './devices-spec-setup';
import { MeasurementStore, ObservationRuleError } from './measurement-store';

const reading = (id: string, fields: Partial<ObservationDoc> = {}): ObservationDoc => ({
  id,
  districtId: 'd-roma1',
  patientId: 'p-mario',
  code: '8310-5',
  value: 36.8,
  unit: 'Cel',
  effectiveAt: '2025-11-22T09:30:00.000Z',
  source: { kind: 'device', deviceId: 'ble-1', model: 'TH-1' },
  updatedAt: '2025-11-22T09:31:00.000Z',
  updatedBy: 'u-anna',
  ...fields,
});

describe('MeasurementStore', () => {
  it('when the observations are new, then each is written', async () => {
    const world = setUpDevices();
    const outcome = await TestBed.inject(MeasurementStore).save([reading('a'), reading('b')]);
    expect(outcome.stored.map((d) => d.id)).toEqual(['a', 'b']);
    expect(world.inserted.map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('when an id is already stored for this patient, then it is skipped as already saved; for another patient, told apart', async () => {
    const world = setUpDevices();
    world.stored.set('a', reading('a'));
    world.stored.set('b', reading('b', { patientId: 'p-lucia' }));
    const outcome = await TestBed.inject(MeasurementStore).save([reading('a'), reading('b'), reading('c')]);
    expect(outcome.alreadyStored.map((d) => d.id)).toEqual(['a']);
    expect(outcome.storedForAnotherPatient.map((d) => d.id)).toEqual(['b']);
    expect(outcome.stored.map((d) => d.id)).toEqual(['c']);
    expect(world.inserted.map((d) => d.id)).toEqual(['c']);
  });

  it('when one observation breaks a document rule, then nothing is written', async () => {
    const world = setUpDevices();
    const impossible = reading('b', { value: 48 });
    await expect(TestBed.inject(MeasurementStore).save([reading('a'), impossible])).rejects.toThrow(ObservationRuleError);
    expect(world.inserted).toEqual([]);
  });

  it('when the write fails and the id is not there, then it is reported failed with the error code', async () => {
    const world = setUpDevices();
    world.failInserts = true;
    const outcome = await TestBed.inject(MeasurementStore).save([reading('a')]);
    expect(outcome.failed.map((d) => d.id)).toEqual(['a']);
    expect(outcome.errorCode).toBe('save-failed');
  });
});
