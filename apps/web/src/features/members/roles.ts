import { useLingui } from '@lingui/react/macro';
import type { MembershipStatus } from '../../gql/graphql';
import type { Role } from '../../ui/chrome';

/** Organizers and admins create, edit, archive and import members (the API decides in the end). */
export const canManage = (roles: Role[]): boolean =>
  roles.includes('ORGANIZER') || roles.includes('LOCAL_ADMIN');

/** Membership statuses as the GLOSSARY names them. */
export function useStatusLabels(): Record<MembershipStatus, string> {
  const { t } = useLingui();
  return {
    PROSPECT: t`Prospect`,
    MEMBER: t`Member`,
    NON_MEMBER: t`Non-member`,
    FORMER: t`Former member`,
  };
}
