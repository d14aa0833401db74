import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bytesToBase64 } from '../ecg/base64';
import { POLAR_PMD_UUIDS, encodePmdStartEcg, encodePmdStop } from '../vendor/polar-pmd';
import { emulatePeripheralInChromium } from './chromium-emulation';
import { simulatedPolarH10 } from './ecg-peripherals';
import { EMULATION_PAGE_SCRIPT } from './page-script';
import { simulatedBloodPressureMonitor } from './sig-peripherals';
import { fakeChromium } from './testing/fake-cdp';

const CCCD = '00002902-0000-1000-8000-00805f9b34fb';
const toHex = (base64: string): string => Array.from(atob(base64), (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');

describe('emulatePeripheralInChromium', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when started, then it installs the page script and sets the peripheral up in the order the emulation needs', async () => {
    const { browser, page } = fakeChromium();
    const peripheral = simulatedBloodPressureMonitor();
    await emulatePeripheralInChromium({ browser, page, peripheral });
    expect(page.sent.map((s) => s.method)).toEqual([
      'Page.enable',
      'Page.addScriptToEvaluateOnNewDocument',
      'Runtime.evaluate',
      'DeviceAccess.enable',
    ]);
    expect(page.sent[1].params).toEqual({ source: EMULATION_PAGE_SCRIPT });
    const methods = browser.sent.map((s) => s.method.replace('BluetoothEmulation.', ''));
    expect(methods.slice(0, 4)).toEqual(['enable', 'simulatePreconnectedPeripheral', 'simulateAdvertisement', 'addService']);
    expect(browser.sent[0].params).toEqual({ state: 'powered-on', leSupported: true });
    const services = peripheral.services.map((s) => s.uuid);
    expect(browser.sent[1].params).toEqual({
      address: 'C0:FF:EE:00:00:01',
      name: 'BP Monitor (simulated)',
      manufacturerData: [],
      knownServiceUuids: services,
    });
    expect(browser.sent[2].params).toEqual({
      entry: {
        deviceAddress: 'C0:FF:EE:00:00:01',
        rssi: -50,
        scanRecord: { name: 'BP Monitor (simulated)', uuids: services, appearance: 0, txPower: 0, manufacturerData: [] },
      },
    });
    const measurement = browser
      .calls('BluetoothEmulation.addCharacteristic')
      .find((c) => String(c['characteristicUuid']).startsWith('00002a35'));
    // Indicate-only on the device, readable in the emulation: reads are how values reach the page.
    expect(measurement?.['properties']).toEqual({ indicate: true, read: true });
    expect(browser.calls('BluetoothEmulation.addDescriptor').map((d) => d['descriptorUuid'])).toEqual([CCCD, CCCD, CCCD]);
  });

  it('when the chooser prompt lists the peripheral, then it is selected by address once per prompt', async () => {
    const { browser, page } = fakeChromium();
    await emulatePeripheralInChromium({ browser, page, peripheral: simulatedBloodPressureMonitor() });
    page.emit('DeviceAccess.deviceRequestPrompted', { id: 'p1', devices: [] });
    page.emit('DeviceAccess.deviceRequestPrompted', { id: 'p1', devices: [{ id: 'c0:ff:ee:00:00:01', name: '' }] });
    page.emit('DeviceAccess.deviceRequestPrompted', {
      id: 'p1',
      devices: [
        { id: 'c0:ff:ee:00:00:01', name: '' },
        { id: 'x', name: '' },
      ],
    });
    expect(page.calls('DeviceAccess.selectPrompt')).toEqual([{ id: 'p1', deviceId: 'C0:FF:EE:00:00:01' }]);
  });

  it('when Chromium connects and discovers, then each operation is answered with success, for this peripheral only', async () => {
    const { browser, page } = fakeChromium();
    await emulatePeripheralInChromium({ browser, page, peripheral: simulatedBloodPressureMonitor() });
    browser.emit('BluetoothEmulation.gattOperationReceived', { address: 'C0:FF:EE:00:00:01', type: 'connection' });
    browser.emit('BluetoothEmulation.gattOperationReceived', { address: 'C0:FF:EE:00:00:01', type: 'discovery' });
    browser.emit('BluetoothEmulation.gattOperationReceived', { address: 'OTHER', type: 'connection' });
    await vi.advanceTimersByTimeAsync(0);
    expect(browser.calls('BluetoothEmulation.simulateGATTOperationResponse')).toEqual([
      { address: 'C0:FF:EE:00:00:01', type: 'connection', code: 0 },
      { address: 'C0:FF:EE:00:00:01', type: 'discovery', code: 0 },
    ]);
  });

  it('when the page starts the Polar ECG, then the answer and the frames reach it as reads of its own characteristics, and stop ends the stream', async () => {
    const { browser, page, delivered } = fakeChromium();
    const emulation = await emulatePeripheralInChromium({ browser, page, peripheral: simulatedPolarH10({ durationS: 3 }) });
    const idOf = (uuid: string): string => {
      const ids = browser.sent.filter((s) => /add(Service|Characteristic|Descriptor)$/.test(s.method));
      return `c${ids.findIndex((s) => s.params['characteristicUuid'] === uuid) + 1}`;
    };
    const controlPoint = idOf(POLAR_PMD_UUIDS.controlPoint);
    browser.emit('BluetoothEmulation.characteristicOperationReceived', {
      characteristicId: idOf(POLAR_PMD_UUIDS.data),
      type: 'subscribe-to-notifications',
    });
    browser.emit('BluetoothEmulation.characteristicOperationReceived', {
      characteristicId: controlPoint,
      type: 'write',
      writeType: 'write-with-response',
      data: bytesToBase64(encodePmdStartEcg()),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(emulation.subscriptions).toEqual([POLAR_PMD_UUIDS.data]);
    expect(emulation.writes.map((w) => w.hex)).toEqual(['02000001820001010e00']);
    expect(delivered[0]).toEqual({
      uuid: POLAR_PMD_UUIDS.controlPoint,
      base64: bytesToBase64(Uint8Array.of(0xf0, 0x02, 0x00, 0x00, 0x00)),
    });
    expect(delivered.slice(1).every((d) => d.uuid === POLAR_PMD_UUIDS.data && toHex(d.base64).startsWith('00'))).toBe(true);
    const frames = delivered.length - 1;
    expect(frames).toBe(5);

    browser.emit('BluetoothEmulation.characteristicOperationReceived', {
      characteristicId: controlPoint,
      type: 'write',
      writeType: 'write-without-response',
      data: bytesToBase64(encodePmdStop()),
    });
    await vi.advanceTimersByTimeAsync(0);
    const writeAnswers = browser.calls('BluetoothEmulation.simulateCharacteristicOperationResponse').filter((r) => r['type'] === 'write');
    expect(writeAnswers).toHaveLength(1);
    expect(toHex(delivered.at(-1)?.base64 ?? '')).toBe('f003000000');
    expect(emulation.problems).toEqual([]);
  });

  it('when the page subscribes through the CCCD descriptor, then that counts as a subscription and the script plays', async () => {
    const { browser, page, delivered } = fakeChromium();
    await emulatePeripheralInChromium({ browser, page, peripheral: simulatedBloodPressureMonitor() });
    const descriptors = browser.sent.filter((s) => /add(Service|Characteristic|Descriptor)$/.test(s.method));
    const measurementIndex = descriptors.findIndex((s) => String(s.params['characteristicUuid']).startsWith('00002a35'));
    // The CCCD of 2A35 is the item added right after it.
    const descriptorId = `d${measurementIndex + 2}`;
    browser.emit('BluetoothEmulation.descriptorOperationReceived', {
      descriptorId,
      type: 'write',
      data: bytesToBase64(Uint8Array.of(0x02, 0x00)),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(browser.calls('BluetoothEmulation.simulateDescriptorOperationResponse')).toEqual([{ descriptorId, type: 'write', code: 0 }]);
    expect(toHex(delivered.at(-1)?.base64 ?? '')).toMatch(/^16800052006100/);
  });

  it('when the script drops the link, then Chromium is told to disconnect the peripheral', async () => {
    const { browser, page } = fakeChromium();
    await emulatePeripheralInChromium({
      browser,
      page,
      peripheral: simulatedBloodPressureMonitor({ fault: 'disconnect-mid-measurement' }),
    });
    const all = browser.sent.filter((s) => /add(Service|Characteristic|Descriptor)$/.test(s.method));
    const id = `c${all.findIndex((s) => String(s.params['characteristicUuid']).startsWith('00002a35')) + 1}`;
    browser.emit('BluetoothEmulation.characteristicOperationReceived', { characteristicId: id, type: 'subscribe-to-notifications' });
    await vi.advanceTimersByTimeAsync(0);
    expect(browser.calls('BluetoothEmulation.simulateGATTDisconnection')).toEqual([{ address: 'C0:FF:EE:00:00:01' }]);
  });

  it('when the peripheral is disconnected, then its services are added again, since Chromium forgets them, and the new ids are answered', async () => {
    const { browser, page, delivered } = fakeChromium();
    const emulation = await emulatePeripheralInChromium({ browser, page, peripheral: simulatedBloodPressureMonitor() });
    await emulation.disconnect();
    const services = browser.calls('BluetoothEmulation.addService');
    expect(services).toHaveLength(6);
    expect(services.slice(3)).toEqual(services.slice(0, 3));
    // The measurement characteristic's new id is the one reads are answered for.
    const all = browser.sent.filter((s) => /add(Service|Characteristic|Descriptor)$/.test(s.method));
    const last = all.map((s) => String(s.params['characteristicUuid'])).lastIndexOf('00002a35-0000-1000-8000-00805f9b34fb');
    browser.emit('BluetoothEmulation.characteristicOperationReceived', {
      characteristicId: `c${last + 1}`,
      type: 'subscribe-to-notifications',
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(delivered.length).toBeGreaterThan(0);
    expect(emulation.problems).toEqual([]);
  });

  it('when disposed, then it stops listening and disables the emulation', async () => {
    const { browser, page } = fakeChromium();
    const emulation = await emulatePeripheralInChromium({ browser, page, peripheral: simulatedBloodPressureMonitor() });
    await emulation.dispose();
    expect(browser.listenerCount('BluetoothEmulation.characteristicOperationReceived')).toBe(0);
    expect(page.listenerCount('DeviceAccess.deviceRequestPrompted')).toBe(0);
    expect(browser.sent.at(-1)?.method).toBe('BluetoothEmulation.disable');
  });
});
