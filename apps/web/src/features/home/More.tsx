import { useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { Screen, useLocal } from '../../ui/chrome';
import { usePlacesFor } from '../../ui/nav';

/** Every place this user is offered, for when they do not all fit in the tabs. */
export function More() {
  const { t } = useLingui();
  const local = useLocal();
  return (
    <Screen title={t`More`}>
      <ul className="choices">
        {usePlacesFor(local.roles).map((p) => (
          <li key={p.to}>
            <Link to={p.to} className="button choice">
              {p.label}
            </Link>
          </li>
        ))}
      </ul>
    </Screen>
  );
}
