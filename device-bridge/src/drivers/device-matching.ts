/** How drivers recognise devices: by the services they offer and, for vendor protocols on generic UUIDs, by name. */
import type { DeviceDateTime } from '../gatt/date-time';
import type { DeviceDescription } from './driver';

/** Whether the device offers `service` (a 128-bit UUID in lower case). */
export function offersService(device: DeviceDescription, service: string): boolean {
  return device.services.some((offered) => offered.toLowerCase() === service);
}

/** Whether the advertised name starts with one of `prefixes`, ignoring case and leading spaces. */
export function nameStartsWith(device: DeviceDescription, prefixes: readonly string[]): boolean {
  const name = device.name.trim().toLowerCase();
  return name !== '' && prefixes.some((prefix) => name.startsWith(prefix.toLowerCase()));
}

/** `{ deviceTime }` from a SIG time stamp when the device clock is set; `{}` otherwise. */
export function deviceTimeOf(timestamp: DeviceDateTime | undefined): { deviceTime?: string } {
  return timestamp?.kind === 'known' ? { deviceTime: timestamp.local } : {};
}
