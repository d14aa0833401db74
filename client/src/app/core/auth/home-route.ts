import type { SessionUser } from '@prossima/domain';

/** The page a user lands on after signing in, by role. */
export function homeUrl(user: SessionUser): string {
  switch (user.role) {
    case 'nurse':
      return '/oggi';
    case 'district-nurse':
    case 'coordinator':
      return '/pazienti';
    case 'patient':
      // The home kit: big buttons to measure, and his own readings.
      return user.patientId ? '/casa' : '/pazienti';
    case 'admin':
      return '/amministrazione';
  }
}
