import { describe, expect, it } from 'vitest';
import { POLAR_PMD_UUIDS } from '../vendor/polar-pmd';
import { WELLUE_ER_UUIDS } from '../vendor/wellue-er';
import { DeviceBridgeError } from '../transport/errors';
import { driverFor, driversFor, KIT_DRIVERS, kitRequestOptions } from './registry';

const sig = (alias: string): string => `0000${alias}-0000-1000-8000-00805f9b34fb`;

function refusal(run: () => unknown): DeviceBridgeError {
  try {
    run();
  } catch (error) {
    if (error instanceof DeviceBridgeError) return error;
    throw error;
  }
  throw new Error('expected a DeviceBridgeError');
}

describe('driverFor', () => {
  it.each([
    ['A&D UA-651', [sig('1810'), sig('180a')], 'sig-blood-pressure'],
    ['Nonin 3230', [sig('1822')], 'sig-pulse-oximeter'],
    ['TD-1241', [sig('1809')], 'sig-health-thermometer'],
    ['Scale', [sig('181d')], 'sig-weight-scale'],
    ['Accu-Chek', [sig('1808')], 'sig-glucose'],
    ['HRM-Pro', [sig('180d')], 'sig-heart-rate'],
    ['Polar H10 8C4E5F2B', [sig('180d'), POLAR_PMD_UUIDS.service], 'polar-h10'],
    ['ER2 1A2B', [WELLUE_ER_UUIDS.service], 'wellue-er'],
    ['PC-300SNT', [sig('fff0')], 'contec-pc300'],
    ['SP80B', [sig('ff12')], 'contec-sp80b'],
  ])('when "%s" offers %j, then the %s driver is chosen', (name, services, id) => {
    expect(driverFor(name, services).id).toBe(id);
  });

  it('when a Polar H10 is described, then the ECG driver comes first and the heart rate driver can read it too', () => {
    expect(driversFor({ name: 'Polar H10 8C4E5F2B', services: [sig('180d'), POLAR_PMD_UUIDS.service] }).map((d) => d.id)).toEqual([
      'polar-h10',
      'sig-heart-rate',
    ]);
  });

  it('when a device offers only a generic vendor UUID under another name, then it is not taken for a PC-300', () => {
    const error = refusal(() => driverFor('LED Strip', [sig('fff0')]));
    expect(error.code).toBe('unknown-device');
    expect(error.message).toBe(
      "“LED Strip” is not a device Prossima can read. Choose one of the kit's devices, or type the reading in by hand.",
    );
  });

  it('when the device has no name, then the message still says which one', () => {
    expect(refusal(() => driverFor('', [])).message).toMatch(/^This device \(it has no name\) is not a device/);
  });

  it('when a MIR Spirobank is chosen, then the message says why it cannot be read', () => {
    const error = refusal(() => driverFor('Spirobank Smart 1234', [sig('180a')]));
    expect(error.code).toBe('unknown-device');
    expect(error.message).toContain('MIR publishes no Bluetooth protocol');
  });
});

describe('kitRequestOptions', () => {
  it('when built from the kit drivers, then every service any driver uses is allowed and vendor devices are found by name', () => {
    const options = kitRequestOptions();
    for (const driver of KIT_DRIVERS) for (const service of driver.optionalServices) expect(options.optionalServices).toContain(service);
    expect(options.optionalServices).toContain(POLAR_PMD_UUIDS.service);
    expect(options.filters).toContainEqual({ namePrefix: 'Polar H10' });
    expect(options.filters).toContainEqual({ services: [sig('1810')] });
    expect(new Set(options.optionalServices).size).toBe(options.optionalServices?.length);
  });
});
