import { Trans, useLingui } from '@lingui/react/macro';
import { LanguageAndSignOut, Screen } from '../../ui/chrome';
import { AcceptAnInvitation } from '../settings/AcceptAnInvitation';

/** After sign-in, for a user with roles in several locals: where to work now. */
export function ChooseLocal({
  locals,
  choose,
}: {
  locals: { id: string; name: string }[];
  choose: (id: string) => void;
}) {
  const { t } = useLingui();
  return (
    <Screen title={t`Choose your local`}>
      <p>
        <Trans>You have a role in more than one local. Which one are you working in now?</Trans>
      </p>
      <ul className="choices">
        {locals.map((l) => (
          <li key={l.id}>
            <button type="button" className="choice" onClick={() => choose(l.id)}>
              {l.name}
            </button>
          </li>
        ))}
      </ul>
    </Screen>
  );
}

/** Signed in, but no local has given this account a role yet. */
export function NoLocal({ signOut }: { signOut: () => Promise<void> }) {
  const { t } = useLingui();
  return (
    <Screen title={t`No local yet`}>
      <p>
        <Trans>Your account has no role in a local yet. Ask your local&apos;s admin for an invitation.</Trans>
      </p>
      {/* An account whose roles all ended can be invited again: the code is accepted here. */}
      <AcceptAnInvitation />
      <LanguageAndSignOut signOut={signOut} />
    </Screen>
  );
}
