import { Trans, useLingui } from '@lingui/react/macro';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { SignatureMethod } from '../../gql/graphql';
import { Loading, Screen, useLocal } from '../../ui/chrome';
import { Problem, problemOf, ProblemText } from '../../ui/problems';
import { MemberPicker } from '../members/MemberPicker';
import { managesPetitions } from './manage/status';
import { Progress } from './Progress';

// The organizer's part loads only for organizers and admins: a steward's phone never downloads it.
const PetitionManage = lazy(() => import('./manage/PetitionManage'));

const PetitionQuery = graphql(`
  query CollectPetition($id: ID!) {
    petition(id: $id) {
      id
      title
      demand
      target
      status
      goal
      signatureCount
      workplace {
        id
        name
      }
    }
  }
`);

const Sign = graphql(`
  mutation AddSignature($input: AddSignatureInput!) {
    addSignature(input: $input) {
      id
      signedAt
      petition {
        id
        signatureCount
        progress
      }
    }
  }
`);

const METHODS: SignatureMethod[] = ['PAPER', 'DIGITAL', 'VERBAL'];

/** Collecting a signature: the petition, then a member of the steward's workplaces, then how they signed. */
export function CollectSignature() {
  const { t } = useLingui();
  const local = useLocal();
  const { id = '' } = useParams();
  const [{ data, error }] = useQuery({ query: PetitionQuery, variables: { id } });
  const [signing, sign] = useMutation(Sign);
  const [member, setMember] = useState<{ id: string; name: string } | null>(null);
  const [method, setMethod] = useState<SignatureMethod>('PAPER');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [outcome, setOutcome] = useState<{ name: string; already: boolean } | null>(null);
  const methodLabels: Record<SignatureMethod, string> = {
    PAPER: t`On paper`,
    DIGITAL: t`On this phone`,
    VERBAL: t`Out loud`,
  };
  const p = data?.petition;
  const back = (
    <Link to="/petitions" className="back">
      <Trans>← Petitions</Trans>
    </Link>
  );
  if (!p)
    return (
      <Screen title={t`Petition`} back={back}>
        <ProblemText problem={problemOf(error)} />
        {data && (
          <p role="alert" className="problem">
            <Trans>You don&apos;t have access to this.</Trans>
          </p>
        )}
      </Screen>
    );

  async function submit() {
    if (!member || !p) return;
    setProblem(null);
    const before = p.signatureCount;
    const r = await sign({ input: { petitionId: p.id, memberId: member.id, method } });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    // Signing is idempotent: an unchanged count means this member had signed already.
    setOutcome({ name: member.name, already: r.data!.addSignature.petition.signatureCount === before });
    setMember(null);
  }

  return (
    <Screen title={p.title} back={back}>
      <p>{p.demand}</p>
      <p className="muted">
        <Trans>To: {p.target}</Trans>
        {p.workplace && <> · {p.workplace.name}</>}
      </p>
      <div aria-live="polite">
        <Progress count={p.signatureCount} goal={p.goal} />
        {outcome &&
          (outcome.already ? (
            <p className="notice" role="status">
              <Trans>{outcome.name} already signed this petition.</Trans>
            </p>
          ) : (
            <p className="flash" role="status">
              <Trans>{outcome.name} signed.</Trans>
            </p>
          ))}
      </div>
      {managesPetitions(local.roles) && (
        <Suspense fallback={<Loading />}>
          <PetitionManage id={p.id} />
        </Suspense>
      )}
      {p.status !== 'OPEN' ? (
        <p className="notice">
          <Trans>This petition is not collecting signatures.</Trans>
        </p>
      ) : !member ? (
        <section>
          <h2>
            <Trans>Who is signing?</Trans>
          </h2>
          <MemberPicker
            localId={local.id}
            workplaceId={p.workplace?.id}
            onPick={(m) => {
              setOutcome(null);
              setMember(m);
            }}
          />
        </section>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p>
            <Trans>Signing: {member.name}</Trans>{' '}
            <button type="button" className="link" onClick={() => setMember(null)}>
              <Trans>Change</Trans>
            </button>
          </p>
          <fieldset className="big-choices">
            <legend>
              <Trans>How are they signing?</Trans>
            </legend>
            {METHODS.map((m) => (
              <button key={m} type="button" aria-pressed={method === m} onClick={() => setMethod(m)}>
                {methodLabels[m]}
              </button>
            ))}
          </fieldset>
          <ProblemText
            problem={problem}
            fields={{
              memberId: t`This member cannot sign this petition: they are not at its workplace, or are archived.`,
            }}
          />
          <button type="submit" className="primary" disabled={signing.fetching}>
            <Trans>Add signature</Trans>
          </button>
        </form>
      )}
    </Screen>
  );
}
