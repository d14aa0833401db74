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
      return user.patientId ? `/pazienti/${encodeURIComponent(user.patientId)}` : '/pazienti';
    case 'admin':
      return '/amministrazione';
  }
}
