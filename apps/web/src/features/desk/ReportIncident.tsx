import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { IncidentKind } from '../../gql/graphql';
import { Loading, Screen, useLocal } from '../../ui/chrome';
import { Problem, problemOf, ProblemText } from '../../ui/problems';
import { atTheDesk, DeskPlaces, KINDS, useDeskLabels } from './labels';
import './desk.css';

const Report = graphql(`
  mutation DeskReportIncident($input: ReportIncidentInput!) {
    reportIncident(input: $input) {
      id
      status
    }
  }
`);

type Step = 'what' | 'where' | 'send';
/** A workplace of the local, or somewhere else (a road, a corner) with a typed place. */
type Where = { workplaceId: string; name: string } | { workplaceId: null; name: null };

/**
 * A raid seen from the street, reported in three taps: what, where, send. The time is now; the
 * place and the details are optional. Everything typed stays in this screen's memory only.
 */
export default function ReportIncident() {
  const { t } = useLingui();
  const local = useLocal();
  const labels = useDeskLabels();
  const ids = useId();
  const [step, setStep] = useState<Step>('what');
  const [kind, setKind] = useState<IncidentKind | null>(null);
  const [where, setWhere] = useState<Where | null>(null);
  const [place, setPlace] = useState('');
  const [details, setDetails] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [{ data, error, fetching }] = useQuery({ query: DeskPlaces, variables: { localId: local.id } });
  const [sending, report] = useMutation(Report);
  const fields = {
    location: t`The place is too long: at most 300 characters. A gate or a corner is enough.`,
    details: t`The details are too long: at most 5,000 characters.`,
    workplaceId: t`You can report only at your workplaces. Choose "Somewhere else" and type the place.`,
    reportedAt: t`Check your phone's clock and try again.`,
  };

  function go(s: Step) {
    setProblem(null);
    setStep(s);
  }

  async function send() {
    if (!kind || !where) return;
    setProblem(null);
    const r = await report({
      input: {
        localId: local.id,
        kind,
        workplaceId: where.workplaceId,
        location: place.trim() || null,
        details: details.trim() || null,
      },
    });
    const p = problemOf(r.error);
    if (p) {
      setProblem(p);
      if (p.field === 'workplaceId') setStep('where');
      return;
    }
    setSent(r.data!.reportIncident.id);
  }

  function again() {
    setKind(null);
    setWhere(null);
    setPlace('');
    setDetails('');
    setSent(null);
    go('what');
  }

  const back = (
    <Link to="/" className="back">
      <Trans>Cancel</Trans>
    </Link>
  );
  // Board members review numbers; they do not report (the API refuses them too).
  if (local.roles.every((r) => r === 'BOARD_MEMBER'))
    return (
      <Screen title={t`Report a raid`}>
        <p role="alert" className="problem">
          {t`You don't have access to this.`}
        </p>
      </Screen>
    );

  if (sent)
    return (
      <Screen title={t`Report sent`} back={back}>
        <p className="flash sent" role="status">
          <Trans>Sent. The rapid-response desk was told and will check it.</Trans>
        </p>
        <p>
          <Trans>Stay safe. Do not open the door to agents without a warrant signed by a judge.</Trans>
        </p>
        <div className="desk-actions">
          {atTheDesk(local.roles) && (
            <Link to={`/desk/incidents/${sent}`} className="button primary">
              <Trans>Open it on the desk</Trans>
            </Link>
          )}
          <button type="button" onClick={again}>
            <Trans>Report something else</Trans>
          </button>
          <Link to="/" className="button">
            <Trans>Back to Today</Trans>
          </Link>
        </div>
      </Screen>
    );

  const workplaces = data?.workplaces.nodes ?? [];
  const index = ['what', 'where', 'send'].indexOf(step);
  return (
    <Screen title={t`Report a raid`} back={back}>
      <p className="muted" aria-live="polite">
        <Trans>Step {index + 1} of 3</Trans>
      </p>

      {step === 'what' && (
        <fieldset className="big-choices">
          <legend>
            <Trans>What is happening?</Trans>
          </legend>
          {KINDS.map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={kind === k}
              onClick={() => {
                setKind(k);
                go('where');
              }}
            >
              {labels.kind[k]}
            </button>
          ))}
        </fieldset>
      )}

      {step === 'where' && (
        <fieldset className="big-choices">
          <legend>
            <Trans>Where?</Trans>
          </legend>
          {fetching && !data && <Loading />}
          <ProblemText problem={problemOf(error)} />
          {workplaces.map((w) => (
            <button
              key={w.id}
              type="button"
              aria-pressed={where?.workplaceId === w.id}
              onClick={() => {
                setWhere({ workplaceId: w.id, name: w.name });
                go('send');
              }}
            >
              {w.name}
            </button>
          ))}
          <button
            type="button"
            aria-pressed={!!where && where.workplaceId === null}
            onClick={() => {
              setWhere({ workplaceId: null, name: null });
              go('send');
            }}
          >
            <Trans>Somewhere else (a road, a corner)</Trans>
          </button>
          <ProblemText problem={problem?.field === 'workplaceId' ? problem : null} fields={fields} />
        </fieldset>
      )}

      {step === 'send' && kind && where && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <p className="summary">
            <strong>{labels.kind[kind]}</strong>
            {' · '}
            {where.name ?? <Trans>Somewhere else</Trans>}
          </p>
          <p className="muted">
            <Trans>The time is now. Anything below is optional.</Trans>
          </p>
          <label htmlFor={`${ids}-place`}>
            {where.workplaceId ? <Trans>Where exactly (optional)</Trans> : <Trans>Where (optional)</Trans>}
          </label>
          <input
            id={`${ids}-place`}
            value={place}
            onChange={(e) => setPlace(e.target.value)}
            autoComplete="off"
            aria-describedby={`${ids}-place-hint`}
          />
          <p id={`${ids}-place-hint`} className="muted">
            <Trans>A gate or a corner. Never a home address.</Trans>
          </p>
          <ProblemText problem={problem?.field === 'location' ? problem : null} fields={fields} />
          <label htmlFor={`${ids}-details`}>
            <Trans>What did you see? (optional)</Trans>
          </label>
          <textarea
            id={`${ids}-details`}
            rows={4}
            value={details}
            onChange={(e) => setDetails(e.target.value)}
            aria-describedby={`${ids}-never`}
          />
          <p id={`${ids}-never`} className="reminder">
            <Trans>Never record immigration status.</Trans>
          </p>
          <ProblemText problem={problem?.field === 'details' ? problem : null} fields={fields} />
          {problem && !['location', 'details', 'workplaceId'].includes(problem.field ?? '') && (
            <ProblemText problem={problem} fields={fields} />
          )}
          <button type="submit" className="primary send" disabled={sending.fetching}>
            <Trans>Send now</Trans>
          </button>
        </form>
      )}

      {index > 0 && (
        <nav className="steps">
          <button type="button" onClick={() => go(index === 2 ? 'where' : 'what')}>
            <Trans>Back</Trans>
          </button>
        </nav>
      )}
    </Screen>
  );
}
