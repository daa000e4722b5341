import { Trans } from '@lingui/react/macro';
import { ReactNode, useEffect, useId, useRef, useState } from 'react';
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

/** A member as the picker hands them on: their id, and their name as people call them. */
export interface Picked {
  id: string;
  name: string;
}

/** A member the search found, with what tells two of the same name apart. */
export interface Found extends Picked {
  workplace: string | null;
  unit: string | null;
}

/**
 * What is typed in a search box, and the search it makes: trimmed, `delay` ms after the last
 * keystroke, so a search is sent once typing pauses rather than at every letter.
 */
export function useTypedSearch(delay = 300) {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(typed.trim()), delay);
    return () => window.clearTimeout(timer);
  }, [typed, delay]);
  return {
    typed,
    setTyped,
    search,
    clear: () => {
      setTyped('');
      setSearch('');
    },
  };
}

/**
 * Finds a member by name, email or phone (accent-blind, like the API), within what the user may
 * see. `onPick` may answer true (or a promise of it) to empty the box and put the cursor back in
 * it, ready for the next person: the door's attendance. `choice` draws each member found, given
 * the call that picks them; by default a button with their workplace and unit. `children` (the
 * answers to a pick) show under the search's own problem.
 */
export function MemberPicker({
  localId,
  workplaceId,
  onPick,
  choice,
  children,
  className,
  delay,
}: {
  localId: string;
  workplaceId?: string | null;
  onPick: (m: Picked) => unknown;
  choice?: (m: Found, pick: () => void) => ReactNode;
  children?: ReactNode;
  className?: string;
  delay?: number;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { typed, setTyped, search, clear } = useTypedSearch(delay);
  const [{ data, error }] = useQuery({
    query: Find,
    variables: { localId, search, workplaceId: workplaceId ?? null },
    pause: search.length < 2,
  });
  const found: Found[] =
    search.length >= 2
      ? (data?.members.nodes ?? []).map((m) => ({
          id: m.id,
          name: `${m.preferredName || m.firstName} ${m.lastName}`,
          workplace: m.workplace?.name ?? null,
          unit: m.unit?.name ?? null,
        }))
      : [];
  async function pick(m: Found) {
    if ((await onPick({ id: m.id, name: m.name })) !== true) return;
    clear();
    input.current?.focus();
  }
  return (
    <div className={className ? `picker ${className}` : 'picker'}>
      <label htmlFor={id}>
        <Trans>Search for a member</Trans>
      </label>
      <input
        id={id}
        ref={input}
        type="search"
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
      <ProblemText problem={problemOf(error)} />
      {children}
      {data && search.length >= 2 && found.length === 0 && (
        <p className="muted" role="status">
          <Trans>No members match.</Trans>
        </p>
      )}
      <ul className="choices">
        {found.map((m) => (
          <li key={m.id}>
            {choice ? (
              choice(m, () => void pick(m))
            ) : (
              <button type="button" className="choice" onClick={() => void pick(m)}>
                <strong>{m.name}</strong>
                <span className="muted">{[m.workplace, m.unit].filter(Boolean).join(' · ')}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A form about one member: the picker until one is chosen, then their name, with "Change" to
 * choose again, above the fields for them (`children`, given the member).
 */
export function MemberForm({
  localId,
  workplaceId,
  member,
  onPick,
  onClear,
  onSubmit,
  children,
}: {
  localId: string;
  workplaceId?: string | null;
  member: Picked | null;
  onPick: (m: Picked) => void;
  onClear: () => void;
  onSubmit: () => void;
  children: (member: Picked) => ReactNode;
}) {
  if (!member) return <MemberPicker localId={localId} workplaceId={workplaceId} onPick={onPick} />;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <p>
        <strong>{member.name}</strong>{' '}
        <button type="button" className="link" onClick={onClear}>
          <Trans>Change</Trans>
        </button>
      </p>
      {children(member)}
    </form>
  );
}
