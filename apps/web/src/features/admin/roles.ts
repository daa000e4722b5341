import { useLingui } from '@lingui/react/macro';
import type { Role } from '../../gql/graphql';

export const ROLES: Role[] = ['STEWARD', 'ORGANIZER', 'LOCAL_ADMIN', 'BOARD_MEMBER'];

/** The roles in the glossary's words. */
export function useRoleLabels(): Record<Role, string> {
  const { t } = useLingui();
  return {
    STEWARD: t`Steward`,
    ORGANIZER: t`Organizer`,
    LOCAL_ADMIN: t`Local admin`,
    BOARD_MEMBER: t`Board member`,
  };
}
