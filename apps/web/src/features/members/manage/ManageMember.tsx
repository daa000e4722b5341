import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { flash } from '../../../ui/chrome';
import { problemOf, ProblemText } from '../../../ui/problems';
import { fold } from './csv';

const Archive = graphql(`
  mutation MembersArchive($id: ID!) {
    archiveMember(id: $id) {
      id
      archivedAt
    }
  }
`);

const Erase = graphql(`
  mutation MembersErase($id: ID!) {
    eraseMember(id: $id)
  }
`);

interface Managed {
  id: string;
  firstName: string;
  archivedAt?: string | null;
}

/** On a member's page, for organizers and admins: edit and archive; for a local admin, erase for good. */
export default function ManageMember({
  member,
  name,
  admin,
}: {
  member: Managed;
  name: string;
  admin: boolean;
}) {
  return (
    <section className="manage" aria-labelledby="manage">
      <h2 id="manage">
        <Trans>Manage</Trans>
      </h2>
      <Link to={`/members/${member.id}/edit`} className="button">
        <Trans>Edit</Trans>
      </Link>
      {!member.archivedAt && <ArchiveMember member={member} name={name} />}
      {admin && <EraseMember member={member} name={name} />}
    </section>
  );
}

function ArchiveMember({ member, name }: { member: Managed; name: string }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const [{ fetching, error }, archive] = useMutation(Archive);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)}>
        <Trans>Archive</Trans>
      </button>
    );
  const confirm = async () => {
    const r = await archive({ id: member.id });
    if (r.data) {
      flash(t`${name} was archived.`);
      navigate('/members');
    }
  };
  return (
    <div className="confirm" role="group" aria-labelledby="archive-question">
      <p id="archive-question">
        <Trans>
          Archive {name}? They leave the lists of members; their conversations and signatures are kept, and an
          organizer can still find them with “Include archived members”.
        </Trans>
      </p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void confirm()} disabled={fetching}>
          <Trans>Yes, archive</Trans>
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          <Trans>Cancel</Trans>
        </button>
      </div>
      <ProblemText problem={problemOf(error)} />
    </div>
  );
}

function EraseMember({ member, name }: { member: Managed; name: string }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [{ fetching, error }, erase] = useMutation(Erase);
  if (!asking)
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        <Trans>Erase for good</Trans>
      </button>
    );
  const matches = fold(typed.trim()) === fold(member.firstName.trim());
  const confirm = async () => {
    if (!matches) return;
    const r = await erase({ id: member.id });
    if (r.data?.eraseMember) {
      flash(t`${name} was erased for good.`);
      navigate('/members', { replace: true });
    }
  };
  const firstName = member.firstName;
  return (
    <form
      className="confirm danger-zone"
      aria-labelledby={`${id}-what`}
      onSubmit={(e) => {
        e.preventDefault();
        void confirm();
      }}
    >
      <p id={`${id}-what`}>
        <strong>
          <Trans>
            This deletes {name} and every record about them, for good: their conversations and notes, their
            signatures, their RSVPs and attendance, their committee seats and contacts, and their place in the
            rapid-response network. It cannot be undone.
          </Trans>
        </strong>
      </p>
      <label htmlFor={`${id}-name`}>
        <Trans>To confirm, type their first name: {firstName}</Trans>
      </label>
      <input
        id={`${id}-name`}
        type="text"
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
      <div className="row">
        <button type="submit" className="danger" disabled={!matches || fetching}>
          <Trans>Erase {name} for good</Trans>
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          <Trans>Cancel</Trans>
        </button>
      </div>
      <ProblemText problem={problemOf(error)} />
    </form>
  );
}
