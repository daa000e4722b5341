import { Trans } from '@lingui/react/macro';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { Assessment } from '../../ui/assessment';
import { useFormat } from '../../ui/format';

/** What a card shows, asked for by every list of members. */
export const MemberCardFields = graphql(`
  fragment MemberCardFields on Member {
    id
    firstName
    preferredName
    supportLevel
    lastContactAt
    archivedAt
    unit {
      id
      name
    }
  }
`);

export interface CardMember {
  id: string;
  firstName: string;
  preferredName?: string | null;
  supportLevel?: number | null;
  lastContactAt?: string | null;
  archivedAt?: string | null;
  unit?: { name: string } | null;
}

/** A member in a list: first name, unit, assessment, last contact. Nothing more on a card. */
export function MemberCard({ member, children }: { member: CardMember; children?: React.ReactNode }) {
  const f = useFormat();
  const name = member.preferredName || member.firstName;
  const when = member.lastContactAt ? f.days(member.lastContactAt) : null;
  return (
    <article className="card">
      <Link to={`/members/${member.id}`} className="card-link">
        <strong>{name}</strong>
        {member.unit && <span>{member.unit.name}</span>}
        <Assessment level={member.supportLevel} />
        <span className="muted">
          {when ? <Trans>Last contact: {when}</Trans> : <Trans>Never contacted</Trans>}
        </span>
        {member.archivedAt && (
          <span className="muted">
            <Trans>Archived member</Trans>
          </span>
        )}
      </Link>
      {children}
    </article>
  );
}
