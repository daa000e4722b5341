import { Trans } from '@lingui/react/macro';
import { useEffect, useId, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { problemOf, ProblemText } from '../../ui/problems';

const Find = graphql(`
  query FindMember($localId: ID!, $search: String!, $workplaceId: ID) {
    members(localId: $localId, first: 8, filter: { search: $search, workplaceId: $workplaceId }) {
      nodes {
        id
        firstName
        lastName
        preferredName
        unit {
          id
          name
        }
        workplace {
          id
          name
        }
      }
    }
  }
`);

/** Finds a member by name, email or phone (accent-blind, like the API), within what the user may see. */
export function MemberPicker({
  localId,
  workplaceId,
  onPick,
}: {
  localId: string;
  workplaceId?: string | null;
  onPick: (m: { id: string; name: string }) => void;
}) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(typed.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const [{ data, error }] = useQuery({
    query: Find,
    variables: { localId, search, workplaceId: workplaceId ?? null },
    pause: search.length < 2,
  });
  const found = search.length >= 2 ? (data?.members.nodes ?? []) : [];
  return (
    <div className="picker">
      <label htmlFor={id}>
        <Trans>Search for a member</Trans>
      </label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
      <ProblemText problem={problemOf(error)} />
      {data && search.length >= 2 && found.length === 0 && (
        <p className="muted" role="status">
          <Trans>No members match.</Trans>
        </p>
      )}
      <ul className="choices">
        {found.map((m) => {
          const name = `${m.preferredName || m.firstName} ${m.lastName}`;
          return (
            <li key={m.id}>
              <button type="button" className="choice" onClick={() => onPick({ id: m.id, name })}>
                <strong>{name}</strong>
                <span className="muted">{[m.workplace?.name, m.unit?.name].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
