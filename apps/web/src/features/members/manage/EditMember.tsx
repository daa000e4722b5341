import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { flash, Loading, Screen } from '../../../ui/chrome';
import { problemOf, ProblemText } from '../../../ui/problems';
import { ManagersOnly } from './Gate';
import { dateInput, MemberForm, toInput } from './MemberForm';

const ToEdit = graphql(`
  query MembersEdit($id: ID!) {
    member(id: $id) {
      id
      firstName
      lastName
      preferredName
      email
      phone
      preferredLanguage
      status
      tags
      cardSignedAt
      alertOptIn
      workplace {
        id
      }
      unit {
        id
      }
    }
  }
`);

const Update = graphql(`
  mutation MembersUpdate($id: ID!, $input: UpdateMemberInput!) {
    updateMember(id: $id, input: $input) {
      id
      firstName
      lastName
      preferredName
      email
      phone
      preferredLanguage
      status
      tags
      cardSignedAt
      alertOptIn
      workplace {
        id
        name
      }
      unit {
        id
        name
      }
    }
  }
`);

/** `/members/:id/edit`: the member's fields, as the API keeps them. */
export default function EditMember() {
  return (
    <ManagersOnly>
      <Edit />
    </ManagersOnly>
  );
}

function Edit() {
  const { t } = useLingui();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, error, fetching }] = useQuery({
    query: ToEdit,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const [, update] = useMutation(Update);
  const m = data?.member;
  const back = (
    <Link to={`/members/${id}`} className="back">
      <Trans>← Back to the member</Trans>
    </Link>
  );
  if (!m)
    return (
      <Screen title={t`Edit member`} back={back}>
        {fetching && <Loading />}
        <ProblemText problem={problemOf(error)} />
        {data && !m && (
          <p role="alert" className="problem">
            <Trans>You don&apos;t have access to this.</Trans>
          </p>
        )}
      </Screen>
    );
  return (
    <Screen title={t`Edit ${m.preferredName || m.firstName} ${m.lastName}`} back={back}>
      <MemberForm
        initial={{
          firstName: m.firstName,
          lastName: m.lastName,
          preferredName: m.preferredName ?? '',
          email: m.email ?? '',
          phone: m.phone ?? '',
          preferredLanguage: m.preferredLanguage ?? '',
          status: m.status,
          workplaceId: m.workplace?.id ?? '',
          unitId: m.unit?.id ?? '',
          tags: m.tags.join(', '),
          cardSignedAt: dateInput(m.cardSignedAt),
          alertOptIn: m.alertOptIn,
        }}
        submitLabel={t`Save changes`}
        save={async (draft) => {
          const r = await update({ id, input: toInput(draft) });
          if (r.data) {
            flash(t`Saved.`);
            navigate(`/members/${id}`);
          }
          return r.error;
        }}
      />
    </Screen>
  );
}
