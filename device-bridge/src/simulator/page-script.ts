/**
 * The script the Chromium emulation needs inside the page. Chromium's
 * Bluetooth emulation cannot push a notification; it can answer a read, and
 * Blink fires `characteristicvaluechanged` on every successful `readValue()`.
 * So this script records the characteristic objects the app subscribes to
 * (wrapping `startNotifications`), and `deliver(uuid)` reads the app's own
 * object: the emulation answers that read with the queued notification bytes,
 * and the app's listener receives a genuine DataView from Chromium.
 *
 * Plain ES2017 in a string, installed with Page.addScriptToEvaluateOnNewDocument
 * (or Playwright's `addInitScript`) before the app loads; installing it twice
 * does nothing.
 */
export const EMULATION_PAGE_SCRIPT = `(() => {
  const scope = globalThis;
  if (scope.__prossimaBluetoothEmulation) return;
  const subscribed = new Map();
  const Characteristic = scope.BluetoothRemoteGATTCharacteristic;
  if (Characteristic && Characteristic.prototype && Characteristic.prototype.startNotifications) {
    const start = Characteristic.prototype.startNotifications;
    Characteristic.prototype.startNotifications = function startNotifications() {
      const started = start.apply(this, arguments);
      subscribed.set(this.uuid, { characteristic: this, started: started.then(() => true, () => false) });
      return started;
    };
  }
  scope.__prossimaBluetoothEmulation = {
    subscribed: () => Array.from(subscribed.keys()),
    async deliver(uuid) {
      const entry = subscribed.get(uuid);
      if (!entry) return 'not subscribed';
      if (!(await entry.started)) return 'startNotifications() failed';
      try {
        await entry.characteristic.readValue();
        return 'delivered';
      } catch (error) {
        return 'readValue() failed: ' + (error && error.message);
      }
    },
  };
})();`;

/** The global the page script defines. */
export const EMULATION_PAGE_GLOBAL = '__prossimaBluetoothEmulation';
