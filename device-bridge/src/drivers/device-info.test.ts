import { describe, expect, it } from 'vitest';
import { simulatedBloodPressureMonitor } from '../simulator/sig-peripherals';
import { SimulatedTransport } from '../simulator/simulated-transport';
import { simulatedSp80b } from '../simulator/vendor-peripherals';
import { readBatteryLevel, readDeviceInformation } from './device-info';

describe('device information helpers', () => {
  it('when the device has Battery and Device Information, then the level and the strings are read', async () => {
    const transport = new SimulatedTransport(simulatedBloodPressureMonitor());
    await transport.connect();
    expect(await readBatteryLevel(transport)).toBe(85);
    expect(await readDeviceInformation(transport)).toEqual({
      manufacturerName: 'Prossima Simulator',
      modelNumber: 'BPM-1',
      firmwareRevision: '1.0.0-sim',
    });
  });

  it('when the device has neither, then the level is undefined and the information empty', async () => {
    const transport = new SimulatedTransport(simulatedSp80b());
    await transport.connect();
    expect(await readBatteryLevel(transport)).toBeUndefined();
    expect(await readDeviceInformation(transport)).toEqual({});
  });
});
