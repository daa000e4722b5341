import { Trans, useLingui } from '@lingui/react/macro';
import { Link, Route, Routes } from 'react-router';
import { Screen, useLocal } from '../../ui/chrome';
import { NotFound } from '../home/NotFound';
import { IncidentPage } from './Incident';
import { Incidents } from './Incidents';
import { atTheDesk } from './labels';
import { Responders } from './Responders';
import './desk.css';

/** The rapid-response desk, for organizers and admins: incidents, alerts, the responder roster. */
export default function DeskRoutes() {
  const local = useLocal();
  if (!atTheDesk(local.roles)) return <NoDesk />;
  return (
    <Routes>
      <Route index element={<Incidents />} />
      <Route path="incidents/:id" element={<IncidentPage />} />
      <Route path="responders" element={<Responders />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/** Anyone else: no incident is asked for. A steward may still report one. */
function NoDesk() {
  const { t } = useLingui();
  const local = useLocal();
  return (
    <Screen title={t`Rapid response`}>
      <p role="alert" className="problem">
        {t`You don't have access to this.`}
      </p>
      {local.roles.includes('STEWARD') && (
        <Link to="/report" className="button primary">
          <Trans>Report a raid</Trans>
        </Link>
      )}
    </Screen>
  );
}
