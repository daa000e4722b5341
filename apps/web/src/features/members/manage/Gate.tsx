import { Trans, useLingui } from '@lingui/react/macro';
import { ReactNode } from 'react';
import { Link } from 'react-router';
import { Screen, useLocal } from '../../../ui/chrome';
import { canManage } from '../roles';
import '../members.css';

/** Organizers' and admins' screens: anyone else reads the scope refusal, with the way back. */
export function ManagersOnly({ children }: { children: ReactNode }) {
  const { t } = useLingui();
  const local = useLocal();
  if (canManage(local.roles)) return <>{children}</>;
  return (
    <Screen
      title={t`Members`}
      back={
        <Link to="/members" className="back">
          <Trans>← My members</Trans>
        </Link>
      }
    >
      <p role="alert" className="problem">
        <Trans>You don&apos;t have access to this.</Trans>
      </p>
    </Screen>
  );
}
