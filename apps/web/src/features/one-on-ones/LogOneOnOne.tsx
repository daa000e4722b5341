import { Trans, useLingui } from '@lingui/react/macro';
import { FormEvent, useId, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ConversationChannel } from '../../gql/graphql';
import { useAssessmentLabels } from '../../ui/assessment';
import { flash, Screen, useLocal } from '../../ui/chrome';
import { localInputValue } from '../../ui/format';
import { Problem, problemOf, ProblemText } from '../../ui/problems';
import { MemberPicker } from '../members/MemberPicker';
import { CHANNELS, useChannelLabels } from './channels';

const Setup = graphql(`
  query LogSetup($localId: ID!) {
    recentIssues(localId: $localId, first: 12)
  }
`);

const Log = graphql(`
  mutation LogOneOnOne($input: LogOneOnOneInput!) {
    logOneOnOne(input: $input) {
      id
      occurredAt
      supportLevel
      followUpAt
      member {
        id
        firstName
        preferredName
        supportLevel
        lastContactAt
      }
    }
  }
`);

type Step = 'member' | 'how' | 'assessment' | 'issues' | 'notes';

/** Which step holds the field the API refused, so the sentence shows next to it. */
const STEP_OF: Record<string, Step> = {
  memberId: 'member',
  occurredAt: 'how',
  channel: 'how',
  supportLevel: 'assessment',
  issues: 'issues',
  notes: 'notes',
  nextStep: 'notes',
  followUpAt: 'notes',
};

/** The most issues a conversation may carry (the API's limit). */
const MAX_ISSUES = 10;

/**
 * Logging a one-on-one, a few steps that fit one hand. What was typed lives in this screen's
 * state only (never in storage), so a lost connection keeps it for another try.
 */
export function LogOneOnOne() {
  const { t } = useLingui();
  const local = useLocal();
  const navigate = useNavigate();
  const location = useLocation();
  const labels = useAssessmentLabels();
  const channelLabels = useChannelLabels();
  const params = useParams();
  const [member, setMember] = useState<{ id: string; name: string } | null>(
    params.id ? { id: params.id, name: '' } : null,
  );
  const steps: Step[] = params.id
    ? ['how', 'assessment', 'issues', 'notes']
    : ['member', 'how', 'assessment', 'issues', 'notes'];
  const [step, setStep] = useState<Step>(steps[0]);
  const [channel, setChannel] = useState<ConversationChannel | null>(null);
  const [occurredAt, setOccurredAt] = useState(() => localInputValue(new Date()));
  const [level, setLevel] = useState<number | null>(null);
  const [issues, setIssues] = useState<string[]>([]);
  const [newIssue, setNewIssue] = useState('');
  const [notes, setNotes] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [{ data: setup }] = useQuery({ query: Setup, variables: { localId: local.id } });
  const [saving, log] = useMutation(Log);
  const ids = useId();

  const index = steps.indexOf(step);
  const offered = [...new Set([...(setup?.recentIssues ?? []), ...issues])];
  const fields: Record<string, string> = {
    memberId: t`You don't have access to this member.`,
    occurredAt: t`The conversation cannot be more than an hour from now.`,
    supportLevel: t`Choose an assessment from 1 to 5.`,
    issues: t`At most 10 issues, each up to 60 characters.`,
    notes: t`The notes are too long: at most 10,000 characters.`,
    nextStep: t`The next step is too long: at most 500 characters.`,
    followUpAt: t`Check the follow-up date.`,
  };
  const fieldProblem = (name: string) => (problem?.field === name ? problem : null);

  const go = (s: Step) => {
    setProblem(null);
    setStep(s);
  };

  function toggle(issue: string) {
    setIssues((list) =>
      list.includes(issue)
        ? list.filter((i) => i !== issue)
        : list.length < MAX_ISSUES
          ? [...list, issue]
          : list,
    );
  }

  function addIssue(e: FormEvent) {
    e.preventDefault();
    const issue = newIssue.trim().toLowerCase();
    if (issue && !issues.includes(issue)) toggle(issue);
    setNewIssue('');
  }

  async function save() {
    if (!member || !channel) return;
    setProblem(null);
    const r = await log({
      input: {
        memberId: member.id,
        channel,
        occurredAt: new Date(occurredAt).toISOString(),
        supportLevel: level,
        issues,
        notes: notes.trim() || null,
        nextStep: nextStep.trim() || null,
        // A follow-up day means that morning, on the phone's clock.
        followUpAt: followUp ? new Date(`${followUp}T09:00`).toISOString() : null,
      },
    });
    const p = problemOf(r.error);
    if (p) {
      setProblem(p);
      if (p.field && STEP_OF[p.field]) setStep(STEP_OF[p.field]);
      return;
    }
    const saved = r.data!.logOneOnOne.member;
    const name = saved.preferredName || saved.firstName;
    const now = saved.supportLevel
      ? `${saved.supportLevel} · ${labels[saved.supportLevel]}`
      : t`Not assessed`;
    flash(t`Saved. ${name}'s assessment: ${now}`);
    // Back to where the steward came from; a deep link has nowhere to go back to.
    if (location.key !== 'default') navigate(-1);
    else navigate(`/members/${member.id}`, { replace: true });
  }

  const canGoOn =
    (step === 'member' && !!member) ||
    (step === 'how' && !!channel && !!occurredAt) ||
    step === 'assessment' ||
    step === 'issues';

  return (
    <Screen
      title={t`Log a one-on-one`}
      back={
        <Link to={params.id ? `/members/${params.id}` : '/'} className="back">
          <Trans>Cancel</Trans>
        </Link>
      }
    >
      <p className="muted" aria-live="polite">
        <Trans>
          Step {index + 1} of {steps.length}
        </Trans>
      </p>

      {step === 'member' && (
        <section>
          <h2>
            <Trans>Who did you talk with?</Trans>
          </h2>
          <MemberPicker
            localId={local.id}
            onPick={(m) => {
              setMember(m);
              go('how');
            }}
          />
          <ProblemText problem={fieldProblem('memberId')} fields={fields} />
        </section>
      )}

      {step === 'how' && (
        <fieldset className="big-choices">
          <legend>
            <Trans>How did you talk?</Trans>
          </legend>
          {CHANNELS.map((c) => (
            <button key={c} type="button" aria-pressed={channel === c} onClick={() => setChannel(c)}>
              {channelLabels[c]}
            </button>
          ))}
          <label htmlFor={`${ids}-when`}>
            <Trans>When</Trans>
          </label>
          <input
            id={`${ids}-when`}
            type="datetime-local"
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.target.value)}
            required
          />
          <ProblemText problem={fieldProblem('occurredAt') ?? fieldProblem('channel')} fields={fields} />
        </fieldset>
      )}

      {step === 'assessment' && (
        <fieldset className="big-choices">
          <legend>
            <Trans>Where do they stand now?</Trans>
          </legend>
          {[1, 2, 3, 4, 5].map((l) => (
            <button
              key={l}
              type="button"
              className={`level-${l}`}
              aria-pressed={level === l}
              onClick={() => setLevel(level === l ? null : l)}
            >
              {l} · {labels[l]}
            </button>
          ))}
          <p className="muted">
            <Trans>Tap again to leave it unassessed.</Trans>
          </p>
          <ProblemText problem={fieldProblem('supportLevel')} fields={fields} />
        </fieldset>
      )}

      {step === 'issues' && (
        <fieldset>
          <legend>
            <Trans>Issues they raised</Trans>
          </legend>
          <div className="chips">
            {offered.map((i) => (
              <button
                key={i}
                type="button"
                className="chip"
                aria-pressed={issues.includes(i)}
                onClick={() => toggle(i)}
              >
                {i}
              </button>
            ))}
          </div>
          <form className="inline" onSubmit={addIssue}>
            <label htmlFor={`${ids}-issue`}>
              <Trans>Another issue</Trans>
            </label>
            <input
              id={`${ids}-issue`}
              value={newIssue}
              maxLength={60}
              onChange={(e) => setNewIssue(e.target.value)}
              autoComplete="off"
            />
            <button type="submit" disabled={!newIssue.trim() || issues.length >= MAX_ISSUES}>
              <Trans>Add</Trans>
            </button>
          </form>
          <ProblemText problem={fieldProblem('issues')} fields={fields} />
        </fieldset>
      )}

      {step === 'notes' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor={`${ids}-notes`}>
            <Trans>Notes</Trans>
          </label>
          <textarea
            id={`${ids}-notes`}
            rows={5}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            aria-describedby={`${ids}-never`}
          />
          <p id={`${ids}-never`} className="reminder">
            <Trans>Never record immigration status.</Trans>
          </p>
          <ProblemText problem={fieldProblem('notes')} fields={fields} />
          <label htmlFor={`${ids}-next`}>
            <Trans>Next step</Trans>
          </label>
          <input
            id={`${ids}-next`}
            value={nextStep}
            onChange={(e) => setNextStep(e.target.value)}
            autoComplete="off"
          />
          <ProblemText problem={fieldProblem('nextStep')} fields={fields} />
          <label htmlFor={`${ids}-follow`}>
            <Trans>Follow-up date</Trans>
          </label>
          <input
            id={`${ids}-follow`}
            type="date"
            value={followUp}
            onChange={(e) => setFollowUp(e.target.value)}
          />
          <ProblemText problem={fieldProblem('followUpAt')} fields={fields} />
          {problem && !(problem.field && STEP_OF[problem.field]) && <ProblemText problem={problem} />}
          <button type="submit" className="primary" disabled={saving.fetching}>
            <Trans>Save</Trans>
          </button>
        </form>
      )}

      <nav className="steps">
        {index > 0 && (
          <button type="button" onClick={() => go(steps[index - 1])}>
            <Trans>Back</Trans>
          </button>
        )}
        {step !== 'notes' && step !== 'member' && (
          <button type="button" className="primary" disabled={!canGoOn} onClick={() => go(steps[index + 1])}>
            <Trans>Next</Trans>
          </button>
        )}
      </nav>
    </Screen>
  );
}
