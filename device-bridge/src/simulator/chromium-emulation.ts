/**
 * Drives one virtual peripheral through Chromium's Bluetooth emulation (CDP),
 * for end-to-end tests: the page's real Web Bluetooth code runs against it.
 * Framework-free: any CDP session with `send`, `on` and `off` works
 * (Playwright's CDPSession does).
 *
 *   browser session   BluetoothEmulation.enable {powered-on, LE}
 *                     simulatePreconnectedPeripheral, simulateAdvertisement
 *                     addService / addCharacteristic / addDescriptor (CCCD)
 *                     answers every GATT, characteristic and descriptor
 *                     operation at once (code 0)
 *                     simulateGATTDisconnection, then the GATT table again:
 *                     Chromium drops a peripheral's services when it
 *                     disconnects it, and a reconnection would find none
 *   page session      DeviceAccess.enable; selects the peripheral, by address,
 *                     once per chooser prompt
 *                     Runtime.evaluate: delivers each notification (below)
 *
 * Notifications: the emulation cannot push one. Notify and indicate
 * characteristics are created readable too; each scripted notification is
 * queued as the next read answer and the page script (EMULATION_PAGE_SCRIPT)
 * reads the app's own characteristic object, which fires the app's
 * `characteristicvaluechanged` listener. Subscriptions and writes trigger the
 * peripheral's reactions as in the in-process simulator.
 */
import { base64ToBytes, bytesToBase64 } from '../ecg/base64';
import { bytesToHex, hexToBytes } from '../transport/hex';
import { EMULATION_PAGE_GLOBAL, EMULATION_PAGE_SCRIPT } from './page-script';
import { PeripheralRunner, type WrittenValue } from './peripheral-runner';
import type { ScriptedEvent, VirtualPeripheral } from './virtual-peripheral';

/** A CDP session as much as is used (Playwright's CDPSession fits). */
export interface CdpSessionLike {
  send(method: string, params?: object): Promise<unknown>;
  on(event: string, listener: (params: Record<string, unknown>) => void): unknown;
  off(event: string, listener: (params: Record<string, unknown>) => void): unknown;
}

/** Options of {@link emulatePeripheralInChromium}. */
export interface ChromiumEmulationOptions {
  /** The browser-level session: BluetoothEmulation.* answers only there. */
  browser: CdpSessionLike;
  /** The page's session: DeviceAccess.* and Runtime.evaluate. */
  page: CdpSessionLike;
  peripheral: VirtualPeripheral;
  /** Factor on the script's delays (default 0: as fast as the page takes them; 1 for real time). */
  timeScale?: number;
  /** Install the page script for the next documents and the current one (default true). */
  installPageScript?: boolean;
}

/** A running emulation. */
export interface ChromiumEmulation {
  readonly peripheral: VirtualPeripheral;
  /** Every value the page wrote, in order (e.g. to check that a stop command was sent). */
  readonly writes: readonly WrittenValue[];
  /** Characteristics the page is subscribed to now (128-bit). */
  readonly subscriptions: readonly string[];
  /** What went wrong while driving it (a CDP call refused, a delivery the page did not take); empty when all went well. */
  readonly problems: readonly string[];
  /** The peripheral drops the link (the page gets `gattserverdisconnected`). */
  disconnect(): Promise<void>;
  /** Stops answering, removes the listeners and disables the emulation. */
  dispose(): Promise<void>;
}

const CCCD = '00002902-0000-1000-8000-00805f9b34fb';

/** Sets the peripheral up in Chromium and answers for it until disposed. */
export async function emulatePeripheralInChromium(options: ChromiumEmulationOptions): Promise<ChromiumEmulation> {
  const { browser, page, peripheral } = options;
  const address = peripheral.address;
  const problems: string[] = [];
  const subscribed = new Set<string>();
  const uuidById = new Map<string, string>();
  const idByUuid = new Map<string, string>();
  const valueById = new Map<string, string>();
  const descriptorOwner = new Map<string, string>();
  const pendingReads = new Map<string, string[]>();
  const answeredPrompts = new Set<string>();
  let disposed = false;
  let gattTable: Promise<void> = Promise.resolve();
  let deliveries: Promise<void> = Promise.resolve();

  const attempt = (what: string, call: Promise<unknown>): void => {
    call.catch((error: unknown) => problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`));
  };

  const deliver = (event: ScriptedEvent): Promise<void> => {
    // One delivery at a time: each is a read round trip through the page.
    const next = deliveries.then(() => (disposed ? undefined : play(event)));
    // The chain goes on after a failed delivery; the failure reaches the runner through `next`.
    deliveries = next.catch(() => undefined);
    return next;
  };
  const play = async (event: ScriptedEvent): Promise<void> => {
    if (event.kind === 'disconnect') {
      await dropLink();
      return;
    }
    const id = idByUuid.get(event.characteristic);
    if (id === undefined) {
      problems.push(`notification on ${event.characteristic}, which the peripheral does not have`);
      return;
    }
    const queue = pendingReads.get(id) ?? [];
    queue.push(event.hex);
    pendingReads.set(id, queue);
    const expression = `globalThis.${EMULATION_PAGE_GLOBAL}?.deliver(${JSON.stringify(event.characteristic)}) ?? 'page script missing'`;
    const answer = (await page.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result?: { value?: unknown };
    };
    const outcome = answer.result?.value;
    if (outcome !== 'delivered') {
      const index = queue.indexOf(event.hex);
      if (index >= 0) queue.splice(index, 1);
      problems.push(`notification on ${event.characteristic} not delivered: ${String(outcome)}`);
    }
  };
  const runner = new PeripheralRunner(peripheral, {
    timeScale: options.timeScale ?? 0,
    deliver,
    // A page closed while a value was on its way, a CDP call refused: reported, and that batch ends.
    onError: (error) => problems.push(`delivery failed: ${error instanceof Error ? error.message : String(error)}`),
  });

  const subscribe = (uuid: string, on: boolean): void => {
    if (on && !subscribed.has(uuid)) {
      subscribed.add(uuid);
      runner.subscribed(uuid);
    } else if (!on && subscribed.delete(uuid)) {
      runner.unsubscribed(uuid);
    }
  };

  const onGattOperation = (params: Record<string, unknown>): void => {
    if (disposed || params['address'] !== address) return;
    // After a disconnection the GATT table is being rebuilt: discovery must find it complete.
    attempt(
      'GATT operation',
      gattTable.then(() => browser.send('BluetoothEmulation.simulateGATTOperationResponse', { address, type: params['type'], code: 0 })),
    );
  };
  const onCharacteristicOperation = (params: Record<string, unknown>): void => {
    const id = String(params['characteristicId']);
    const uuid = uuidById.get(id);
    if (disposed || uuid === undefined) return;
    const type = params['type'];
    const respond = (data?: string): void =>
      attempt(
        `${String(type)} ${uuid}`,
        browser.send('BluetoothEmulation.simulateCharacteristicOperationResponse', {
          characteristicId: id,
          type,
          code: 0,
          ...(data === undefined ? {} : { data }),
        }),
      );
    if (type === 'read') {
      const queued = pendingReads.get(id)?.shift();
      respond(bytesToBase64(hexToBytes(queued ?? valueById.get(id) ?? '')));
    } else if (type === 'write') {
      if (params['writeType'] !== 'write-without-response') respond();
      const bytes = base64ToBytes(typeof params['data'] === 'string' ? params['data'] : '') ?? new Uint8Array(0);
      runner.written(uuid, bytesToHex(bytes));
    } else {
      respond();
      subscribe(uuid, type === 'subscribe-to-notifications');
    }
  };
  const onDescriptorOperation = (params: Record<string, unknown>): void => {
    const id = String(params['descriptorId']);
    const uuid = descriptorOwner.get(id);
    if (disposed || uuid === undefined) return;
    const type = params['type'];
    const data = type === 'read' ? { data: bytesToBase64(Uint8Array.of(subscribed.has(uuid) ? 1 : 0, 0)) } : {};
    attempt(
      `descriptor ${String(type)} ${uuid}`,
      browser.send('BluetoothEmulation.simulateDescriptorOperationResponse', { descriptorId: id, type, code: 0, ...data }),
    );
    if (type === 'write') {
      const value = base64ToBytes(typeof params['data'] === 'string' ? params['data'] : '') ?? new Uint8Array(0);
      subscribe(uuid, ((value[0] ?? 0) & 0x03) !== 0);
    }
  };
  const onPrompt = (params: Record<string, unknown>): void => {
    const id = String(params['id']);
    const devices = Array.isArray(params['devices']) ? (params['devices'] as { id?: unknown }[]) : [];
    // Answer once per prompt: the event repeats as the list grows, and a second selectPrompt crashes Chromium.
    if (disposed || answeredPrompts.has(id)) return;
    if (!devices.some((device) => String(device.id).toLowerCase() === address.toLowerCase())) return;
    answeredPrompts.add(id);
    attempt('selecting the device', page.send('DeviceAccess.selectPrompt', { id, deviceId: address }));
  };

  // Adds the services, characteristics and CCCDs, and remembers the ids Chromium gives them.
  async function addGattTable(): Promise<void> {
    uuidById.clear();
    idByUuid.clear();
    valueById.clear();
    descriptorOwner.clear();
    for (const service of peripheral.services) {
      const { serviceId } = (await browser.send('BluetoothEmulation.addService', { address, serviceUuid: service.uuid })) as {
        serviceId: string;
      };
      for (const characteristic of service.characteristics) {
        const pushes = characteristic.properties.notify === true || characteristic.properties.indicate === true;
        // Notify/indicate characteristics are made readable: reads are how notifications reach the page.
        const properties = { ...characteristic.properties, ...(pushes ? { read: true } : {}) };
        const added = (await browser.send('BluetoothEmulation.addCharacteristic', {
          serviceId,
          characteristicUuid: characteristic.uuid,
          properties,
        })) as {
          characteristicId: string;
        };
        const characteristicId = added.characteristicId;
        uuidById.set(characteristicId, characteristic.uuid);
        idByUuid.set(characteristic.uuid, characteristicId);
        if (characteristic.value !== undefined) valueById.set(characteristicId, characteristic.value);
        if (pushes) {
          const { descriptorId } = (await browser.send('BluetoothEmulation.addDescriptor', { characteristicId, descriptorUuid: CCCD })) as {
            descriptorId: string;
          };
          descriptorOwner.set(descriptorId, characteristic.uuid);
        }
      }
    }
  }

  // Chromium forgets a peripheral's services when it disconnects it: they are added again for the reconnection.
  async function dropLink(): Promise<void> {
    runner.stopAll();
    subscribed.clear();
    pendingReads.clear();
    await browser.send('BluetoothEmulation.simulateGATTDisconnection', { address });
    gattTable = addGattTable();
    await gattTable;
  }

  browser.on('BluetoothEmulation.gattOperationReceived', onGattOperation);
  browser.on('BluetoothEmulation.characteristicOperationReceived', onCharacteristicOperation);
  browser.on('BluetoothEmulation.descriptorOperationReceived', onDescriptorOperation);
  page.on('DeviceAccess.deviceRequestPrompted', onPrompt);

  if (options.installPageScript ?? true) {
    // Chromium runs a session's new-document scripts only while that session has the Page domain enabled.
    await page.send('Page.enable');
    await page.send('Page.addScriptToEvaluateOnNewDocument', { source: EMULATION_PAGE_SCRIPT });
    await page.send('Runtime.evaluate', { expression: EMULATION_PAGE_SCRIPT });
  }
  await page.send('DeviceAccess.enable');
  const serviceUuids = peripheral.services.map((service) => service.uuid);
  await browser.send('BluetoothEmulation.enable', { state: 'powered-on', leSupported: true });
  await browser.send('BluetoothEmulation.simulatePreconnectedPeripheral', {
    address,
    name: peripheral.name,
    manufacturerData: [],
    knownServiceUuids: serviceUuids,
  });
  // Every field of the scan record is sent: a missing one kills the browser (mojo validation).
  await browser.send('BluetoothEmulation.simulateAdvertisement', {
    entry: {
      deviceAddress: address,
      rssi: -50,
      scanRecord: { name: peripheral.name, uuids: serviceUuids, appearance: 0, txPower: 0, manufacturerData: [] },
    },
  });
  gattTable = addGattTable();
  await gattTable;
  return {
    peripheral,
    get writes() {
      return runner.writes;
    },
    get subscriptions() {
      return [...subscribed];
    },
    problems,
    async disconnect() {
      await dropLink();
    },
    async dispose() {
      disposed = true;
      runner.stopAll();
      browser.off('BluetoothEmulation.gattOperationReceived', onGattOperation);
      browser.off('BluetoothEmulation.characteristicOperationReceived', onCharacteristicOperation);
      browser.off('BluetoothEmulation.descriptorOperationReceived', onDescriptorOperation);
      page.off('DeviceAccess.deviceRequestPrompted', onPrompt);
      await browser.send('BluetoothEmulation.disable');
    },
  };
}
