/** The roles of DESIGN.md; one per personal account. */
export const ROLES = ['nurse', 'district-nurse', 'coordinator', 'patient', 'admin'] as const;

/** A user's role. */
export type Role = (typeof ROLES)[number];

/** The signed-in user as the server vouches for it (token claims, `/api/auth/me`). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Every account but the administrator's belongs to one district. */
  districtId: string | null;
  /** Set for the `patient` role: the patient document this account is. */
  patientId?: string;
}

/** True when `value` is a known role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
