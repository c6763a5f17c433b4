// The signed-in user's grants of one role (GET /api/me: `{ role, editionId?, cityId? }`).
import type { RoleGrant } from '../../api/types';
import { useAuth } from '../../auth/auth-context';
import { grantsOf } from '../../auth/roles';

export function useGrants(role: RoleGrant['role']): RoleGrant[] {
  const { state } = useAuth();
  return state.status === 'signedIn' ? grantsOf(state.user.roles, role) : [];
}
