import type { SessionUser } from '@prossima/domain';
import type { RevocationList } from '../auth/revocation';
import type { UserStore } from '../auth/user-store';
import { notFound } from '../errors';

/** One session (refresh token) as the administrator sees it: no token, no hash. */
export interface SessionView {
  username: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** A device with its sessions, newest first. */
export interface DeviceView {
  deviceId: string;
  /** When an administrator last revoked the device, if ever. */
  revokedAt: string | null;
  sessions: SessionView[];
}

/** What a device revocation did. */
export interface DeviceRevocationResult {
  deviceId: string;
  revokedAt: string;
  sessionsRevoked: number;
}

/**
 * The administrator's view of devices: sessions grouped by device, and
 * revoking a device (every refresh token it holds, and the access tokens
 * issued to it before, through the revocation list).
 */
export class DeviceSessions {
  constructor(
    private readonly users: UserStore,
    private readonly revocations: RevocationList,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Devices with at least one session not yet expired, most recently used first. */
  async list(): Promise<DeviceView[]> {
    const [records, revoked] = await Promise.all([
      this.users.findRefreshTokens({ expiresAt: { $gt: this.now().toISOString() } }),
      this.revocations.revokedDevices(),
    ]);
    const byDevice = new Map<string, SessionView[]>();
    for (const record of records) {
      const sessions = byDevice.get(record.deviceId) ?? [];
      sessions.push({ username: record.username, createdAt: record.createdAt, expiresAt: record.expiresAt, revokedAt: record.revokedAt ?? null });
      byDevice.set(record.deviceId, sessions);
    }
    const devices = [...byDevice].map(([deviceId, sessions]) => ({
      deviceId,
      revokedAt: revoked.get(deviceId)?.revokedAt ?? null,
      sessions: sessions.sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    }));
    return devices.sort((a, b) => b.sessions[0].createdAt.localeCompare(a.sessions[0].createdAt));
  }

  /** Revoke every session of `deviceId` and record the device as revoked; 404 for a device that never signed in. */
  async revoke(deviceId: string, by: SessionUser): Promise<DeviceRevocationResult> {
    const records = await this.users.findRefreshTokens({ deviceId });
    if (!records.length) throw notFound(`No device "${deviceId}" has ever signed in`);
    const at = this.now();
    const revokedAt = at.toISOString();
    // The device record first: from then on every access token issued to it before is refused, even mid-way.
    await this.revocations.recordDeviceRevocation({ deviceId, revokedAt, revokedBy: by.id });
    const sessionsRevoked = await this.users.revokeRefreshTokens(records, at);
    for (const record of records) this.revocations.noteSessionRevoked(record._id, at);
    return { deviceId, revokedAt, sessionsRevoked };
  }
}
