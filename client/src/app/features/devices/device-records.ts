/**
 * The signed-in user's paired devices (the `devices` collection): a nurse's
 * own kit (`ownerId` = her id), a patient's home kit (`patientId` = the
 * patient the account is). Pairing writes a DeviceDoc (again for a device
 * paired before: it is made active and refreshed); a measurement records
 * when the device was last used and its battery.
 */
import { inject, Injectable } from '@angular/core';
import type { DeviceDoc, SessionUser } from '@prossima/domain';
import { firstValueFrom, map, Observable, of } from 'rxjs';
import { DatabaseService } from '../../core/database/database';
import { AppError } from '../../core/errors/app-errors';
import { LocalWrites } from '../../core/sync/local-writes';
import { pairedDeviceDocId } from './observation-ids';

/** What pairing learnt about a device. */
export interface PairedDevice {
  bluetoothId: string;
  name: string;
  kind: DeviceDoc['kind'];
  model: string;
  batteryPercent?: number;
}

/** The selector of the user's own devices, or null for a role that has none here. */
export function ownDevicesSelector(user: SessionUser): Record<string, string> | null {
  if (user.role === 'nurse') return { ownerId: user.id };
  if (user.role === 'patient' && user.patientId) return { patientId: user.patientId };
  return null;
}

/** Active devices first, then by name. */
function byStatusAndName(a: DeviceDoc, b: DeviceDoc): number {
  return (a.status === 'active' ? 0 : 1) - (b.status === 'active' ? 0 : 1) || a.name.localeCompare(b.name, 'it');
}

/** Reads and writes the user's devices. */
@Injectable({ providedIn: 'root' })
export class DeviceRecords {
  private readonly database = inject(DatabaseService);
  private readonly writes = inject(LocalWrites);

  /** The user's devices, live (re-emitted on each local write or synced change). */
  devicesOf$(user: SessionUser): Observable<DeviceDoc[]> {
    const selector = ownDevicesSelector(user);
    if (!selector) return of([]);
    return this.database.watch(({ collections: { devices } }) =>
      devices ? devices.find({ selector }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON()).sort(byStatusAndName))) : of([]),
    );
  }

  /** The user's device with this Bluetooth id (the active one first), or null. */
  async byBluetoothId(user: SessionUser, bluetoothId: string): Promise<DeviceDoc | null> {
    const devices = await firstValueFrom(this.devicesOf$(user));
    return devices.find((device) => device.bluetoothId === bluetoothId) ?? null;
  }

  /** Stores a pairing: a new DeviceDoc, or the one of the same Bluetooth device made active and refreshed. */
  async pair(user: SessionUser, device: PairedDevice, now: Date): Promise<DeviceDoc> {
    const selector = ownDevicesSelector(user);
    if (!selector || !user.districtId) throw new AppError('forbidden', `${user.role} pairs no devices`);
    const at = now.toISOString();
    const known = await this.byBluetoothId(user, device.bluetoothId);
    const battery = device.batteryPercent === undefined ? {} : { batteryPercent: device.batteryPercent };
    if (known) {
      return this.writes.patch('devices', known.id, () => ({
        kind: device.kind,
        model: device.model,
        status: 'active' as const,
        lastSeenAt: at,
        ...battery,
        updatedAt: at,
        updatedBy: user.id,
      }));
    }
    const holderId = user.role === 'nurse' ? user.id : user.patientId!;
    const holder = user.role === 'nurse' ? { ownerId: holderId } : { patientId: holderId };
    return this.writes.insert('devices', {
      id: pairedDeviceDocId(holderId, device.bluetoothId),
      districtId: user.districtId,
      ...holder,
      kind: device.kind,
      model: device.model.slice(0, 80),
      name: device.name.slice(0, 80),
      bluetoothId: device.bluetoothId.slice(0, 100),
      pairedAt: at,
      lastSeenAt: at,
      ...battery,
      status: 'active',
      updatedAt: at,
      updatedBy: user.id,
    });
  }

  /** Notes a use of the device (after a saved reading, or a battery read). */
  recordUse(user: SessionUser, id: string, now: Date, batteryPercent?: number): Promise<DeviceDoc> {
    const at = now.toISOString();
    return this.writes.patch('devices', id, () => ({
      lastSeenAt: at,
      ...(batteryPercent === undefined ? {} : { batteryPercent }),
      updatedAt: at,
      updatedBy: user.id,
    }));
  }
}
