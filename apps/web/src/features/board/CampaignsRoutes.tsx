import { Trans, useLingui } from '@lingui/react/macro';
import { FormEvent, useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CampaignsDetailFragment, CampaignStage, DecisionBody } from '../../gql/graphql';
import { flash, Loading, Screen, useLocal } from '../../ui/chrome';
import { localInputValue, useFormat } from '../../ui/format';
import { NotFound } from '../home/NotFound';
import { Problem, problemOf, ProblemText } from '../../ui/problems';
import { PetitionBars, ShareGauge, usePercent } from './Bars';
import { MOVES, STAGES, useDecisionBodyLabels, useStageLabels } from './labels';
import './board.css';

/** The local's campaigns, their stage history, milestones and petitions; deciding and managing them. */
export default function CampaignsRoutes() {
  return (
    <Routes>
      <Route index element={<CampaignList />} />
      <Route path="new" element={<NewCampaign />} />
      <Route path=":id" element={<CampaignPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/** Who may do what here, as the API decides it (campaigns:decide and campaigns:manage). */
function useCampaignRights() {
  const { roles } = useLocal();
  const manage = roles.includes('ORGANIZER') || roles.includes('LOCAL_ADMIN');
  return { manage, decide: manage || roles.includes('BOARD_MEMBER') };
}

const ListQuery = graphql(`
  query CampaignsList($localId: ID!) {
    campaigns(localId: $localId, first: 100) {
      totalCount
      nodes {
        id
        title
        stage
        decisionBody
        meetingAt
        progress {
          percent
        }
      }
    }
  }
`);

function CampaignList() {
  const { t } = useLingui();
  const local = useLocal();
  const rights = useCampaignRights();
  const stages = useStageLabels();
  const pct = usePercent();
  const f = useFormat();
  const [{ data, error, fetching }] = useQuery({
    query: ListQuery,
    variables: { localId: local.id },
    requestPolicy: 'cache-and-network',
  });
  const campaigns = data?.campaigns.nodes ?? [];
  return (
    <Screen title={t`Campaigns`}>
      <ProblemText problem={problemOf(error)} />
      {fetching && !data && <Loading />}
      {rights.manage && (
        <Link to="/campaigns/new" className="button primary">
          <Trans>New campaign</Trans>
        </Link>
      )}
      {data && campaigns.length === 0 && (
        <p className="muted">
          <Trans>No campaigns yet.</Trans>
        </p>
      )}
      {STAGES.map((stage) => {
        const inStage = campaigns.filter((c) => c.stage === stage);
        if (!inStage.length) return null;
        return (
          <section key={stage} className="stage-group" aria-labelledby={`stage-${stage}`}>
            <h2 id={`stage-${stage}`}>
              {stages[stage]} <span className="count">({f.number(inStage.length)})</span>
            </h2>
            <ul className="cards">
              {inStage.map((c) => {
                const done = pct(c.progress.percent);
                return (
                  <li key={c.id}>
                    <article className="card">
                      <Link to={`/campaigns/${c.id}`} className="card-link">
                        <strong>{c.title}</strong>
                        <span className="muted">
                          {c.meetingAt ? <Trans>Meeting {f.date(c.meetingAt)}</Trans> : stages[c.stage]}
                        </span>
                        <ShareGauge share={c.progress.percent} name={t`Progress: ${done}`} text={done} />
                      </Link>
                    </article>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </Screen>
  );
}

/** What a campaign's screen shows, and what each change answers with (numbers and titles only). */
const Detail = graphql(`
  fragment CampaignsDetail on ResolutionCampaign {
    id
    title
    resolutionText
    decisionBody
    meetingAt
    stage
    stageHistory {
      at
      from
      to
      note
    }
    milestones {
      id
      title
      dueAt
      doneAt
    }
    petitions {
      id
      title
      status
      goal
      signatureCount
    }
    progress {
      percent
      milestonesDone
      milestonesTotal
      signatureCount
      signatureGoal
    }
    vote {
      votesFor
      votesAgainst
      abstentions
      heldAt
    }
  }
`);
void Detail; // Spread by the documents below.

const CampaignQuery = graphql(`
  query CampaignsCampaign($id: ID!) {
    campaign(id: $id) {
      ...CampaignsDetail
    }
  }
`);

/**
 * Who changed each stage: an organizer's name, which board members do not need and are not
 * shown. Run only for organizers and admins (paused for anyone else).
 */
const WhoQuery = graphql(`
  query CampaignsOrganizerWho($id: ID!) {
    campaign(id: $id) {
      id
      stageHistory {
        at
        to
        by {
          id
          displayName
        }
      }
    }
  }
`);

const Advance = graphql(`
  mutation CampaignsAdvance($input: AdvanceStageInput!) {
    advanceCampaignStage(input: $input) {
      ...CampaignsDetail
    }
  }
`);

const Vote = graphql(`
  mutation CampaignsRecordVote($input: RecordVoteInput!) {
    recordVote(input: $input) {
      ...CampaignsDetail
    }
  }
`);

const AddMilestone = graphql(`
  mutation CampaignsAddMilestone($input: MilestoneInput!) {
    addMilestone(input: $input) {
      id
      title
      dueAt
      doneAt
    }
  }
`);

const CompleteMilestone = graphql(`
  mutation CampaignsCompleteMilestone($id: ID!) {
    completeMilestone(id: $id) {
      id
      doneAt
    }
  }
`);

const Link_ = graphql(`
  mutation CampaignsLinkPetition($campaignId: ID!, $petitionId: ID!) {
    linkPetition(campaignId: $campaignId, petitionId: $petitionId) {
      ...CampaignsDetail
    }
  }
`);

const PetitionsQuery = graphql(`
  query CampaignsPetitions($localId: ID!) {
    petitions(localId: $localId, first: 100) {
      nodes {
        id
        title
        status
      }
    }
  }
`);

function CampaignPage() {
  const { t } = useLingui();
  const { id = '' } = useParams();
  const rights = useCampaignRights();
  const stages = useStageLabels();
  const bodies = useDecisionBodyLabels();
  const f = useFormat();
  const pct = usePercent();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CampaignQuery, variables: { id } });
  const [who, refetchWho] = useQuery({ query: WhoQuery, variables: { id }, pause: !rights.manage });
  const again = () => {
    refetch({ requestPolicy: 'network-only' });
    if (rights.manage) refetchWho({ requestPolicy: 'network-only' });
  };
  const back = (
    <Link to="/campaigns" className="back">
      <Trans>← Campaigns</Trans>
    </Link>
  );
  const c = data?.campaign;
  if (!c)
    return (
      <Screen title={t`Campaign`} back={back}>
        {fetching && <Loading />}
        <ProblemText problem={problemOf(error)} />
        {data && (
          <p role="alert" className="problem">
            <Trans>You don&apos;t have access to this.</Trans>
          </p>
        )}
      </Screen>
    );

  const byOf = (at: string, to: CampaignStage) =>
    who.data?.campaign?.stageHistory.find((s) => s.at === at && s.to === to)?.by.displayName;
  const history = [...c.stageHistory].sort((a, b) => a.at.localeCompare(b.at));
  const p = c.progress;
  const percent = pct(p.percent);

  return (
    <Screen title={c.title} back={back}>
      <p>
        <span className="stage">{stages[c.stage]}</span>
      </p>
      <p className="muted">
        {bodies[c.decisionBody]}
        {c.meetingAt && (
          <>
            {' · '}
            <Trans>Meeting {f.dateTime(c.meetingAt)}</Trans>
          </>
        )}
      </p>
      <p className="notes">{c.resolutionText}</p>

      <section aria-labelledby="progress">
        <h2 id="progress">
          <Trans>Progress</Trans>
        </h2>
        <ShareGauge share={p.percent} name={t`Progress: ${percent}`} text={percent} />
        <p className="muted">
          <Trans>
            {f.number(p.milestonesDone)} of {f.number(p.milestonesTotal)} milestones done ·{' '}
            {f.number(p.signatureCount)} of {f.number(p.signatureGoal)} signatures
          </Trans>
        </p>
      </section>

      {c.vote && (
        <section aria-labelledby="vote">
          <h2 id="vote">
            <Trans>The vote</Trans>
          </h2>
          <p>
            <Trans>
              {f.number(c.vote.votesFor)} for, {f.number(c.vote.votesAgainst)} against,{' '}
              {f.number(c.vote.abstentions)} abstaining, on {f.date(c.vote.heldAt)}
            </Trans>
          </p>
        </section>
      )}

      <section aria-labelledby="history">
        <h2 id="history">
          <Trans>Stage history</Trans>
        </h2>
        <ol className="timeline">
          {history.map((s) => {
            const by = byOf(s.at, s.to);
            return (
              <li key={`${s.at}-${s.to}`}>
                <time dateTime={s.at}>{f.dateTime(s.at)}</time>
                <strong>
                  {s.from ? (
                    <Trans>
                      {stages[s.from]} → {stages[s.to]}
                    </Trans>
                  ) : (
                    <Trans>Started: {stages[s.to]}</Trans>
                  )}
                </strong>
                {s.note && <p className="notes">{s.note}</p>}
                {by && (
                  <p className="muted">
                    <Trans>By {by}</Trans>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      {rights.decide && <Decide campaign={c} done={again} />}

      <section aria-labelledby="milestones">
        <h2 id="milestones">
          <Trans>Milestones</Trans>
        </h2>
        <Milestones campaign={c} manage={rights.manage} done={again} />
      </section>

      <section aria-labelledby="petitions">
        <h2 id="petitions">
          <Trans>Petitions</Trans>
        </h2>
        {c.petitions.length === 0 ? (
          <p className="muted">
            <Trans>No petition is linked to this campaign.</Trans>
          </p>
        ) : (
          <PetitionBars petitions={c.petitions} />
        )}
        {rights.manage && <LinkPetition campaign={c} done={again} />}
      </section>
    </Screen>
  );
}

type Campaign = CampaignsDetailFragment;

/** Advancing the stage, and recording the vote once the resolution is introduced. */
function Decide({ campaign, done }: { campaign: Campaign; done: () => void }) {
  const { t } = useLingui();
  const stages = useStageLabels();
  const [to, setTo] = useState<CampaignStage | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [advancing, advance] = useMutation(Advance);
  const [votesFor, setFor] = useState('');
  const [votesAgainst, setAgainst] = useState('');
  const [abstentions, setAbstentions] = useState('0');
  const [heldAt, setHeldAt] = useState(localInputValue(new Date()));
  const [voteProblem, setVoteProblem] = useState<Problem | null>(null);
  const [voting, vote] = useMutation(Vote);
  const moves = MOVES[campaign.stage];
  const canVote = campaign.stage === 'INTRODUCED' || campaign.stage === 'VOTED';

  async function submitMove(e: FormEvent) {
    e.preventDefault();
    if (!to) return;
    setProblem(null);
    const r = await advance({ input: { campaignId: campaign.id, stage: to, note: note.trim() || null } });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    flash(t`The campaign is now: ${stages[to]}`);
    setTo(null);
    setNote('');
    done();
  }

  async function submitVote(e: FormEvent) {
    e.preventDefault();
    setVoteProblem(null);
    const n = (s: string) => (s.trim() === '' ? NaN : Number(s));
    const input = {
      campaignId: campaign.id,
      votesFor: n(votesFor),
      votesAgainst: n(votesAgainst),
      abstentions: n(abstentions),
      heldAt: heldAt ? new Date(heldAt).toISOString() : '',
    };
    if ([input.votesFor, input.votesAgainst, input.abstentions].some((v) => !Number.isInteger(v) || v < 0))
      return setVoteProblem({ code: 'BAD_USER_INPUT', field: 'votes' });
    if (!heldAt) return setVoteProblem({ code: 'BAD_USER_INPUT', field: 'heldAt' });
    const r = await vote({ input });
    const failed = problemOf(r.error);
    if (failed) return setVoteProblem(failed);
    flash(t`The vote is recorded.`);
    done();
  }

  if (!moves.length && !canVote) return null;
  return (
    <section aria-labelledby="decide" className="decide">
      <h2 id="decide">
        <Trans>Decide</Trans>
      </h2>
      {canVote && (
        <form onSubmit={(e) => void submitVote(e)} className="card">
          <fieldset>
            <legend>
              <Trans>Record the vote</Trans>
            </legend>
            <div className="vote-numbers">
              <label>
                <Trans>Votes for</Trans>
                <input inputMode="numeric" value={votesFor} onChange={(e) => setFor(e.target.value)} />
              </label>
              <label>
                <Trans>Votes against</Trans>
                <input
                  inputMode="numeric"
                  value={votesAgainst}
                  onChange={(e) => setAgainst(e.target.value)}
                />
              </label>
              <label>
                <Trans>Abstentions</Trans>
                <input
                  inputMode="numeric"
                  value={abstentions}
                  onChange={(e) => setAbstentions(e.target.value)}
                />
              </label>
            </div>
            <label>
              <Trans>When the vote was held</Trans>
              <input type="datetime-local" value={heldAt} onChange={(e) => setHeldAt(e.target.value)} />
            </label>
          </fieldset>
          <ProblemText
            problem={voteProblem}
            fields={{
              votes: t`Write each count as a whole number, 0 or more.`,
              votesFor: t`Write each count as a whole number, 0 or more.`,
              votesAgainst: t`Write each count as a whole number, 0 or more.`,
              abstentions: t`Write each count as a whole number, 0 or more.`,
              heldAt: t`Choose when the vote was held; it cannot be in the future.`,
              campaignId: t`A vote is recorded once the resolution is introduced.`,
            }}
          />
          <button type="submit" className="primary" disabled={voting.fetching}>
            <Trans>Record the vote</Trans>
          </button>
        </form>
      )}
      {moves.length > 0 && (
        <form onSubmit={(e) => void submitMove(e)} className="card">
          <fieldset className="choices">
            <legend>
              <Trans>Move to the next stage</Trans>
            </legend>
            {moves.map((m) => (
              <button key={m} type="button" aria-pressed={to === m} onClick={() => setTo(m)}>
                {stages[m]}
              </button>
            ))}
          </fieldset>
          {campaign.stage === 'INTRODUCED' && (
            <p className="muted">
              <Trans>Once the body votes, record the vote above: it moves the campaign to “Voted”.</Trans>
            </p>
          )}
          <label>
            <Trans>Note (optional)</Trans>
            <textarea value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <ProblemText
            problem={problem}
            fields={{
              stage: t`This move is not allowed now: “Passed” needs a vote with more votes for than against, and “Failed” needs a recorded vote.`,
            }}
          />
          <button type="submit" className="primary" disabled={!to || advancing.fetching}>
            {to ? <Trans>Move to “{stages[to]}”</Trans> : <Trans>Choose a stage</Trans>}
          </button>
        </form>
      )}
    </section>
  );
}

function Milestones({ campaign, manage, done }: { campaign: Campaign; manage: boolean; done: () => void }) {
  const { t } = useLingui();
  const f = useFormat();
  const [completing, complete] = useMutation(CompleteMilestone);
  const [adding, add] = useMutation(AddMilestone);
  const [title, setTitle] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const r = await add({
      input: {
        campaignId: campaign.id,
        title: title.trim(),
        dueAt: dueAt ? new Date(`${dueAt}T12:00`).toISOString() : null,
      },
    });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    setTitle('');
    setDueAt('');
    done();
  }

  return (
    <>
      {campaign.milestones.length === 0 && (
        <p className="muted">
          <Trans>No milestones yet.</Trans>
        </p>
      )}
      <ul className="milestones">
        {campaign.milestones.map((m) => (
          <li key={m.id} className="card">
            <span>
              <strong>{m.title}</strong>
              <br />
              <span className="muted">
                {m.doneAt ? (
                  <Trans>Done {f.date(m.doneAt)}</Trans>
                ) : m.dueAt ? (
                  <Trans>Not done yet · due {f.date(m.dueAt)}</Trans>
                ) : (
                  <Trans>Not done yet</Trans>
                )}
              </span>
            </span>
            {manage && !m.doneAt && (
              <button
                type="button"
                disabled={completing.fetching}
                onClick={() => void complete({ id: m.id }).then(done)}
              >
                <Trans>Mark done: {m.title}</Trans>
              </button>
            )}
          </li>
        ))}
      </ul>
      <ProblemText problem={problemOf(completing.error)} />
      {manage && (
        <form onSubmit={(e) => void submit(e)}>
          <label>
            <Trans>New milestone</Trans>
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} required />
          </label>
          <label>
            <Trans>Due date (optional)</Trans>
            <input type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
          </label>
          <ProblemText
            problem={problem}
            fields={{ title: t`Give the milestone a title of 200 characters or fewer.` }}
          />
          <button type="submit" disabled={adding.fetching || !title.trim()}>
            <Trans>Add milestone</Trans>
          </button>
        </form>
      )}
    </>
  );
}

function LinkPetition({ campaign, done }: { campaign: Campaign; done: () => void }) {
  const { t } = useLingui();
  const local = useLocal();
  const [{ data }] = useQuery({ query: PetitionsQuery, variables: { localId: local.id } });
  const [linking, link] = useMutation(Link_);
  const [chosen, setChosen] = useState('');
  const linked = new Set(campaign.petitions.map((p) => p.id));
  const open = (data?.petitions.nodes ?? []).filter((p) => !linked.has(p.id));
  if (!open.length) return null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen)
          void link({ campaignId: campaign.id, petitionId: chosen }).then((r) => {
            if (!r.error) {
              setChosen('');
              done();
            }
          });
      }}
    >
      <label>
        <Trans>Link a petition</Trans>
        <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t`Choose a petition`}</option>
          {open.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <ProblemText problem={problemOf(linking.error)} />
      <button type="submit" disabled={!chosen || linking.fetching}>
        <Trans>Link</Trans>
      </button>
    </form>
  );
}

const Create = graphql(`
  mutation CampaignsCreate($input: CampaignInput!) {
    createCampaign(input: $input) {
      id
    }
  }
`);

const BODIES: DecisionBody[] = [
  'EXECUTIVE_BOARD',
  'DELEGATE_COUNCIL',
  'GENERAL_MEMBERSHIP',
  'TENANT_ASSEMBLY',
];

/** Organizers and admins start a campaign: what it asks, of whom, and when they meet. */
function NewCampaign() {
  const { t } = useLingui();
  const local = useLocal();
  const navigate = useNavigate();
  const bodies = useDecisionBodyLabels();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [body, setBody] = useState<DecisionBody>('EXECUTIVE_BOARD');
  const [meetingAt, setMeetingAt] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [creating, create] = useMutation(Create);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const r = await create({
      input: {
        localId: local.id,
        title: title.trim(),
        resolutionText: text.trim(),
        decisionBody: body,
        meetingAt: meetingAt ? new Date(meetingAt).toISOString() : null,
      },
    });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    flash(t`Campaign created.`);
    navigate(`/campaigns/${r.data!.createCampaign.id}`, { replace: true });
  }

  return (
    <Screen
      title={t`New campaign`}
      back={
        <Link to="/campaigns" className="back">
          <Trans>← Campaigns</Trans>
        </Link>
      }
    >
      <form onSubmit={(e) => void submit(e)}>
        <label>
          <Trans>Title</Trans>
          <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label>
          <Trans>The resolution</Trans>
          <textarea value={text} onChange={(e) => setText(e.target.value)} required rows={5} />
        </label>
        <label>
          <Trans>Who decides</Trans>
          <select value={body} onChange={(e) => setBody(e.target.value as DecisionBody)}>
            {BODIES.map((b) => (
              <option key={b} value={b}>
                {bodies[b]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <Trans>Meeting (optional)</Trans>
          <input type="datetime-local" value={meetingAt} onChange={(e) => setMeetingAt(e.target.value)} />
        </label>
        <ProblemText
          problem={problem}
          fields={{
            title: t`Give the campaign a title of 200 characters or fewer.`,
            resolutionText: t`Write the resolution the body will vote on.`,
          }}
        />
        <button type="submit" className="primary" disabled={creating.fetching}>
          <Trans>Create the campaign</Trans>
        </button>
      </form>
    </Screen>
  );
}
