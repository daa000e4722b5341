import { Trans, useLingui } from '@lingui/react/macro';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { LanguagePicker, Screen, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { problemOf, ProblemText } from '../../ui/problems';
import { AcceptAnInvitation } from './AcceptAnInvitation';

const Sessions = graphql(`
  query MySessions {
    mySessions {
      id
      current
      createdAt
      lastUsedAt
      userAgent
    }
  }
`);

const EndSession = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id)
  }
`);

const EndOthers = graphql(`
  mutation EndOtherSessions {
    endOtherSessions
  }
`);

/** Language, the local, accepting an invitation, the devices signed in, and sign-out. */
export function Settings({ signOut }: { signOut: () => Promise<void> }) {
  const { t } = useLingui();
  const f = useFormat();
  const local = useLocal();
  const [{ data, error }, refetch] = useQuery({ query: Sessions, requestPolicy: 'network-only' });
  const [ended, end] = useMutation(EndSession);
  const [endedOthers, endOthers] = useMutation(EndOthers);
  const again = () => refetch({ requestPolicy: 'network-only' });
  const sessions = data?.mySessions ?? [];
  return (
    <Screen title={t`Settings`}>
      <section aria-labelledby="language">
        <h2 id="language">
          <Trans>Language</Trans>
        </h2>
        <LanguagePicker />
      </section>
      {local.others && (
        <section aria-labelledby="local">
          <h2 id="local">
            <Trans>Local</Trans>
          </h2>
          <p>{local.name}</p>
          <button type="button" onClick={local.choose}>
            <Trans>Switch local</Trans>
          </button>
        </section>
      )}
      <AcceptAnInvitation />
      <section aria-labelledby="sessions">
        <h2 id="sessions">
          <Trans>Where you are signed in</Trans>
        </h2>
        <ProblemText problem={problemOf(error) ?? problemOf(ended.error) ?? problemOf(endedOthers.error)} />
        <ul className="cards">
          {sessions.map((s) => (
            <li key={s.id}>
              <article className="card">
                <p>
                  <strong>{s.current ? t`This phone` : (s.userAgent ?? t`Unknown device`)}</strong>
                </p>
                <p className="muted">
                  <Trans>Signed in {f.dateTime(s.createdAt)}</Trans>
                  {s.lastUsedAt && (
                    <>
                      {' · '}
                      <Trans>last used {f.dateTime(s.lastUsedAt)}</Trans>
                    </>
                  )}
                </p>
                {!s.current && (
                  <button type="button" onClick={() => void end({ id: s.id }).then(again)}>
                    <Trans>End this session</Trans>
                  </button>
                )}
              </article>
            </li>
          ))}
        </ul>
        {sessions.length > 1 && (
          <button type="button" onClick={() => void endOthers({}).then(again)}>
            <Trans>End all other sessions</Trans>
          </button>
        )}
      </section>
      <button type="button" className="primary" onClick={() => void signOut()}>
        <Trans>Sign out</Trans>
      </button>
    </Screen>
  );
}
