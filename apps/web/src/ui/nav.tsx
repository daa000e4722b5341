import { Trans, useLingui } from '@lingui/react/macro';
import { ReactNode } from 'react';
import { NavLink } from 'react-router';
import type { Role } from './chrome';

/** A place in the app, and who is offered it. The API still decides what each one may see. */
interface Place {
  to: string;
  label: ReactNode;
  roles: Role[];
}

const FIELD: Role[] = ['STEWARD', 'ORGANIZER', 'LOCAL_ADMIN'];
const STAFF: Role[] = ['ORGANIZER', 'LOCAL_ADMIN'];
const REVIEW: Role[] = ['BOARD_MEMBER', 'ORGANIZER', 'LOCAL_ADMIN'];
const EVERYONE: Role[] = ['STEWARD', 'ORGANIZER', 'LOCAL_ADMIN', 'BOARD_MEMBER'];

/** Every place, in the order the menu lists them. */
function usePlaces(): Place[] {
  return [
    { to: '/', label: <Trans>Today</Trans>, roles: FIELD },
    { to: '/dashboard', label: <Trans>Summary</Trans>, roles: REVIEW },
    { to: '/members', label: <Trans>Members</Trans>, roles: FIELD },
    { to: '/log', label: <Trans>Log</Trans>, roles: FIELD },
    { to: '/workplaces', label: <Trans>Workplaces</Trans>, roles: STAFF },
    { to: '/petitions', label: <Trans>Petitions</Trans>, roles: FIELD },
    { to: '/campaigns', label: <Trans>Campaigns</Trans>, roles: REVIEW },
    { to: '/events', label: <Trans>Events</Trans>, roles: STAFF },
    { to: '/committees', label: <Trans>Committees</Trans>, roles: STAFF },
    { to: '/desk', label: <Trans>Rapid response</Trans>, roles: STAFF },
    { to: '/people', label: <Trans>People</Trans>, roles: ['LOCAL_ADMIN'] },
    { to: '/audit', label: <Trans>Activity log</Trans>, roles: ['LOCAL_ADMIN'] },
    { to: '/settings', label: <Trans>Settings</Trans>, roles: EVERYONE },
  ];
}

/** The places offered to someone with these roles. */
export function usePlacesFor(roles: Role[]): Place[] {
  return usePlaces().filter((p) => p.roles.some((r) => roles.includes(r)));
}

/** At most five tabs fit under a thumb. */
const TABS = 5;

/** The places each kind of user opens most, in the order of their tabs. */
function preferred(roles: Role[]): string[] {
  if (roles.includes('ORGANIZER') || roles.includes('LOCAL_ADMIN'))
    return ['/', '/workplaces', '/members', '/desk'];
  if (roles.includes('STEWARD')) return ['/', '/members', '/log', '/petitions', '/settings'];
  return ['/dashboard', '/campaigns', '/settings'];
}

export function Tabs({ roles }: { roles: Role[] }) {
  const { t } = useLingui();
  const places = usePlacesFor(roles);
  const first = preferred(roles)
    .map((to) => places.find((p) => p.to === to))
    .filter((p): p is Place => !!p);
  // Whatever is not a tab is one tap away under "More", which takes the last slot.
  const rest = places.length > first.length;
  const shown = rest ? first.slice(0, TABS - 1) : first;
  return (
    <nav className="tabs" aria-label={t`Main`}>
      {shown.map((p) => (
        <NavLink key={p.to} to={p.to} end={p.to === '/'}>
          {p.label}
        </NavLink>
      ))}
      {rest && (
        <NavLink to="/more">
          <Trans>More</Trans>
        </NavLink>
      )}
    </nav>
  );
}
