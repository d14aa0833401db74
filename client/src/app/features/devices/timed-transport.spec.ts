import { SimulatedTransport, simulatedHeartRateSensor, HEART_RATE_UUIDS } from '@prossima/device-bridge';
import { TimedTransport } from './timed-transport';

describe('TimedTransport', () => {
  it('when notifications arrive, then the time of the latest is kept until reset, and the listener still gets each value', async () => {
    let clock = 100;
    const transport = new TimedTransport(new SimulatedTransport(simulatedHeartRateSensor(), { timeScale: 0 }), () => (clock += 10));
    await transport.connect();
    expect(transport.connected).toBe(true);
    expect(transport.device.name).toBe(simulatedHeartRateSensor().name);
    const values: number[] = [];
    await transport.subscribe(HEART_RATE_UUIDS.service, HEART_RATE_UUIDS.measurement, (value) => values.push(value.getUint8(1)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(values.length).toBeGreaterThan(0);
    expect(transport.lastNotificationAt).toBe(100 + 10 * values.length);
    transport.resetTiming();
    expect(transport.lastNotificationAt).toBeUndefined();
    await transport.disconnect();
  });
});
