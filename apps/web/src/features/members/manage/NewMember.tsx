import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { flash, Screen, useLocal } from '../../../ui/chrome';
import { ManagersOnly } from './Gate';
import { EMPTY_DRAFT, MemberForm, toInput } from './MemberForm';

const Create = graphql(`
  mutation MembersCreate($input: MemberInput!) {
    createMember(input: $input) {
      id
      firstName
    }
  }
`);

/** `/members/new`: a new member of the chosen local. */
export default function NewMember() {
  return (
    <ManagersOnly>
      <CreateMember />
    </ManagersOnly>
  );
}

function CreateMember() {
  const { t } = useLingui();
  const local = useLocal();
  const navigate = useNavigate();
  const [, create] = useMutation(Create);
  return (
    <Screen
      title={t`New member`}
      back={
        <Link to="/members" className="back">
          <Trans>← My members</Trans>
        </Link>
      }
    >
      <MemberForm
        initial={EMPTY_DRAFT}
        submitLabel={t`Add member`}
        save={async (draft) => {
          const r = await create({ input: { localId: local.id, ...toInput(draft) } });
          if (r.data) {
            flash(t`Saved.`);
            navigate(`/members/${r.data.createMember.id}`, { replace: true });
          }
          return r.error;
        }}
      />
    </Screen>
  );
}
