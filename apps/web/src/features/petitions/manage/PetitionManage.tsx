import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { PetitionStatus } from '../../../gql/graphql';
import { flash } from '../../../ui/chrome';
import { useFormat } from '../../../ui/format';
import { Problem, problemOf, ProblemText } from '../../../ui/problems';
import '../petitions.css';
import { MOVES, useStatusWords } from './status';

const Manage = graphql(`
  query PetitionsManage($id: ID!) {
    petition(id: $id) {
      id
      status
      createdAt
      openedAt
      deliveredAt
      deadline
      byUnit {
        members
        signed
        unit {
          id
          name
        }
      }
    }
  }
`);

const OpenIt = graphql(`
  mutation PetitionsOpen($id: ID!) {
    openPetition(id: $id) {
      id
      status
      openedAt
    }
  }
`);

const DeliverIt = graphql(`
  mutation PetitionsDeliver($id: ID!) {
    deliverPetition(id: $id) {
      id
      status
      deliveredAt
    }
  }
`);

const CloseIt = graphql(`
  mutation PetitionsClose($id: ID!, $status: PetitionStatus!) {
    closePetition(id: $id, status: $status) {
      id
      status
    }
  }
`);

/** The organizer's part of a petition's page: its status and moves, and progress per unit. */
export default function PetitionManage({ id }: { id: string }) {
  const { t } = useLingui();
  const f = useFormat();
  const words = useStatusWords();
  const [{ data, error }] = useQuery({
    query: Manage,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [opening, open] = useMutation(OpenIt);
  const [delivering, deliver] = useMutation(DeliverIt);
  const [closing, close] = useMutation(CloseIt);
  const [asking, setAsking] = useState<PetitionStatus | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const p = data?.petition;
  if (!p) return <ProblemText problem={problemOf(error)} />;
  const busy = opening.fetching || delivering.fetching || closing.fetching;

  async function move(to: PetitionStatus) {
    setProblem(null);
    const r =
      to === 'OPEN'
        ? await open({ id })
        : to === 'DELIVERED'
          ? await deliver({ id })
          : await close({ id, status: to });
    if (r.error) return setProblem(problemOf(r.error));
    setAsking(null);
    flash(t`The petition is now: ${words.status[to]}.`);
  }

  const dates = [
    p.openedAt && t`Opened ${f.date(p.openedAt)}`,
    p.deliveredAt && t`Delivered ${f.date(p.deliveredAt)}`,
    p.deadline && t`Deadline ${f.date(p.deadline)}`,
  ].filter(Boolean);
  return (
    <>
      <section aria-labelledby="pt-manage" className="pt-manage">
        <h2 id="pt-manage">
          <Trans>Status: {words.status[p.status]}</Trans>
        </h2>
        {dates.length > 0 && <p className="muted">{dates.join(' · ')}</p>}
        {asking ? (
          <div role="group" aria-labelledby="pt-ask">
            <p id="pt-ask">{words.ask[asking]}</p>
            <div className="steps">
              <button type="button" className="primary" disabled={busy} onClick={() => void move(asking)}>
                <Trans>Yes: {words.move[asking]}</Trans>
              </button>
              <button type="button" onClick={() => setAsking(null)}>
                <Trans>Cancel</Trans>
              </button>
            </div>
          </div>
        ) : (
          MOVES[p.status].length > 0 && (
            <div className="pt-moves">
              {MOVES[p.status].map((to) => (
                <button
                  key={to}
                  type="button"
                  className={to === 'CLOSED' ? undefined : 'primary'}
                  onClick={() => {
                    setProblem(null);
                    setAsking(to);
                  }}
                >
                  {words.move[to]}
                </button>
              ))}
            </div>
          )
        )}
        <ProblemText
          problem={problem}
          fields={{
            status: t`The petition changed meanwhile and cannot move this way now. Reload to see it.`,
          }}
        />
      </section>
      {p.byUnit.length > 0 && <ByUnit tallies={p.byUnit} />}
    </>
  );
}

/** Each unit's signatures as a bar against its majority, with the numbers written out. */
function ByUnit({
  tallies,
}: {
  tallies: { members: number; signed: number; unit: { id: string; name: string } }[];
}) {
  const f = useFormat();
  return (
    <section aria-labelledby="pt-units">
      <h2 id="pt-units">
        <Trans>By unit</Trans>
      </h2>
      <ul className="pt-units">
        {tallies.map((u) => {
          const majority = Math.floor(u.members / 2) + 1;
          const signed = f.number(u.signed);
          const members = f.number(u.members);
          const m = f.number(majority);
          const pct = (n: number) => `${u.members ? Math.min(100, (n / u.members) * 100) : 0}%`;
          return (
            <li key={u.unit.id}>
              <p>
                <strong>{u.unit.name}</strong>:{' '}
                {u.members === 0 ? (
                  <Trans>no members yet</Trans>
                ) : u.signed >= majority ? (
                  <Trans>
                    {signed} of {members} signed, a majority ({m})
                  </Trans>
                ) : (
                  <Trans>
                    {signed} of {members} signed; a majority is {m}
                  </Trans>
                )}
              </p>
              <div className="pt-bar" aria-hidden="true">
                <div className="pt-bar-fill" style={{ width: pct(u.signed) }} />
                {u.members > 0 && <div className="pt-bar-line" style={{ left: pct(majority) }} />}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
