import { Trans, useLingui } from '@lingui/react/macro';
import { FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { EventKind, EventsEditQuery } from '../../gql/graphql';
import { flash, Loading, Screen, useLocal } from '../../ui/chrome';
import { localInputValue } from '../../ui/format';
import { Problem, problemOf, ProblemText } from '../../ui/problems';
import { EVENT_KINDS, phoneTimeZone, useEventKindLabels } from './labels';

const Workplaces = graphql(`
  query EventsWorkplaces($localId: ID!) {
    workplaces(localId: $localId, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

const Create = graphql(`
  mutation EventsCreate($input: EventInput!) {
    createEvent(input: $input) {
      id
      title
    }
  }
`);

const Edited = graphql(`
  query EventsEdit($id: ID!) {
    event(id: $id) {
      id
      title
      kind
      description
      startsAt
      endsAt
      location
      capacity
      status
      workplace {
        id
        name
      }
    }
  }
`);

const Update = graphql(`
  mutation EventsUpdate($id: ID!, $input: UpdateEventInput!) {
    updateEvent(id: $id, input: $input) {
      id
      title
      description
      startsAt
      endsAt
      location
      capacity
      full
    }
  }
`);

/** What the form holds, as typed: nothing is lost when the API refuses it or the signal drops. */
interface Draft {
  title: string;
  kind: EventKind;
  startsAt: string;
  endsAt: string;
  location: string;
  workplaceId: string;
  capacity: string;
  description: string;
}

const iso = (local: string) => (local ? new Date(local).toISOString() : null);

/** Schedules an event: a KYR training by default, at a workplace or for the whole local. */
export function NewEvent() {
  const { t } = useLingui();
  const local = useLocal();
  const navigate = useNavigate();
  const [created, create] = useMutation(Create);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [draft, setDraft] = useState<Draft>(() => {
    const start = new Date(Date.now() + 7 * 86_400_000);
    start.setHours(18, 0, 0, 0);
    return {
      title: '',
      kind: 'KYR_TRAINING',
      startsAt: localInputValue(start),
      endsAt: '',
      location: '',
      workplaceId: '',
      capacity: '',
      description: '',
    };
  });
  async function submit() {
    setProblem(null);
    const r = await create({
      input: {
        localId: local.id,
        title: draft.title.trim(),
        kind: draft.kind,
        startsAt: iso(draft.startsAt) ?? '',
        endsAt: iso(draft.endsAt),
        timezone: phoneTimeZone(),
        location: draft.location.trim() || null,
        workplaceId: draft.workplaceId || null,
        capacity: draft.capacity ? Number(draft.capacity) : null,
        description: draft.description.trim() || null,
      },
    });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    const title = r.data!.createEvent.title;
    flash(t`Scheduled: ${title}`);
    navigate(`/events/${r.data!.createEvent.id}`);
  }
  return (
    <Screen
      title={t`Schedule an event`}
      back={
        <Link to="/events" className="back">
          <Trans>← Events</Trans>
        </Link>
      }
    >
      <EventFields
        draft={draft}
        setDraft={setDraft}
        problem={problem}
        isNew
        onSubmit={submit}
        busy={created.fetching}
      />
    </Screen>
  );
}

/** Changes an event's title, time, place, capacity or description (its kind and workplace stay). */
export function EditEvent() {
  const { t } = useLingui();
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: Edited, variables: { id } });
  const back = (
    <Link to={`/events/${id}`} className="back">
      <Trans>← Event</Trans>
    </Link>
  );
  const e = data?.event;
  if (!e)
    return (
      <Screen title={t`Edit the event`} back={back}>
        {fetching && <Loading />}
        <ProblemText problem={problemOf(error) ?? (data ? { code: 'NOT_FOUND' } : null)} />
      </Screen>
    );
  return (
    <Screen title={t`Edit the event`} back={back}>
      <EditForm event={e} />
    </Screen>
  );
}

function EditForm({ event: e }: { event: NonNullable<EventsEditQuery['event']> }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const [updated, update] = useMutation(Update);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [draft, setDraft] = useState<Draft>({
    title: e.title,
    kind: e.kind,
    startsAt: localInputValue(new Date(e.startsAt)),
    endsAt: e.endsAt ? localInputValue(new Date(e.endsAt)) : '',
    location: e.location ?? '',
    workplaceId: e.workplace?.id ?? '',
    capacity: e.capacity ? String(e.capacity) : '',
    description: e.description ?? '',
  });
  async function submit() {
    setProblem(null);
    const r = await update({
      id: e.id,
      input: {
        title: draft.title.trim(),
        startsAt: iso(draft.startsAt),
        endsAt: iso(draft.endsAt),
        location: draft.location.trim() || null,
        capacity: draft.capacity ? Number(draft.capacity) : null,
        description: draft.description.trim() || null,
      },
    });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    flash(t`Saved`);
    navigate(`/events/${e.id}`);
  }
  return (
    <EventFields
      draft={draft}
      setDraft={setDraft}
      problem={problem}
      onSubmit={submit}
      busy={updated.fetching}
      fixedWorkplace={e.workplace?.name}
    />
  );
}

function EventFields({
  draft,
  setDraft,
  problem,
  onSubmit,
  busy,
  isNew,
  fixedWorkplace,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  problem: Problem | null;
  onSubmit: () => Promise<void>;
  busy: boolean;
  isNew?: boolean;
  fixedWorkplace?: string;
}) {
  const { t } = useLingui();
  const local = useLocal();
  const kinds = useEventKindLabels();
  const id = useId();
  const [places] = useQuery({ query: Workplaces, variables: { localId: local.id }, pause: !isNew });
  const set = (k: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  const fields = {
    title: t`Give the event a title of at most 200 characters.`,
    startsAt: t`Choose when the event starts.`,
    endsAt: t`The end must come after the start.`,
    location: t`The place is too long: at most 500 characters.`,
    capacity: t`The capacity must be a whole number, at least 1.`,
    description: t`The description is too long: at most 5,000 characters.`,
    timezone: t`This phone's time zone is not accepted. Check its settings.`,
    workplaceId: t`Choose a workplace of this local, or the whole local.`,
  };
  const at = (field: string) => (problem?.field === field ? problem : null);
  const errorId = (field: string) => (problem?.field === field ? `${id}-${field}-error` : undefined);
  return (
    <form
      className="event-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <label htmlFor={`${id}-title`}>
        <Trans>Title</Trans>
      </label>
      <input
        id={`${id}-title`}
        required
        value={draft.title}
        onChange={set('title')}
        aria-describedby={errorId('title')}
      />
      <ProblemText id={errorId('title')} problem={at('title')} fields={fields} />
      {isNew ? (
        <fieldset className="big-choices kinds">
          <legend>
            <Trans>Kind</Trans>
          </legend>
          {EVENT_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={draft.kind === k}
              onClick={() => setDraft({ ...draft, kind: k })}
            >
              {kinds[k]}
            </button>
          ))}
        </fieldset>
      ) : (
        <p>
          <Trans>Kind</Trans>: {kinds[draft.kind]}
        </p>
      )}
      <div className="when">
        <div>
          <label htmlFor={`${id}-starts`}>
            <Trans>Starts</Trans>
          </label>
          <input
            id={`${id}-starts`}
            type="datetime-local"
            required
            value={draft.startsAt}
            onChange={set('startsAt')}
            aria-describedby={errorId('startsAt')}
          />
          <ProblemText id={errorId('startsAt')} problem={at('startsAt')} fields={fields} />
        </div>
        <div>
          <label htmlFor={`${id}-ends`}>
            <Trans>Ends (optional)</Trans>
          </label>
          <input
            id={`${id}-ends`}
            type="datetime-local"
            value={draft.endsAt}
            onChange={set('endsAt')}
            aria-describedby={errorId('endsAt')}
          />
          <ProblemText id={errorId('endsAt')} problem={at('endsAt')} fields={fields} />
        </div>
      </div>
      <label htmlFor={`${id}-location`}>
        <Trans>Place</Trans>
      </label>
      <input
        id={`${id}-location`}
        value={draft.location}
        onChange={set('location')}
        aria-describedby={errorId('location')}
      />
      <ProblemText id={errorId('location')} problem={at('location')} fields={fields} />
      {isNew ? (
        <>
          <label htmlFor={`${id}-workplace`}>
            <Trans>Who is it for?</Trans>
          </label>
          <select
            id={`${id}-workplace`}
            value={draft.workplaceId}
            onChange={set('workplaceId')}
            aria-describedby={errorId('workplaceId')}
          >
            <option value="">{t`The whole local`}</option>
            {(places.data?.workplaces.nodes ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
          <ProblemText id={errorId('workplaceId')} problem={at('workplaceId')} fields={fields} />
        </>
      ) : (
        <p>
          <Trans>For</Trans>: {fixedWorkplace ?? t`The whole local`}
        </p>
      )}
      <label htmlFor={`${id}-capacity`}>
        <Trans>Capacity (optional)</Trans>
      </label>
      <input
        id={`${id}-capacity`}
        type="number"
        inputMode="numeric"
        min={1}
        value={draft.capacity}
        onChange={set('capacity')}
        aria-describedby={`${id}-capacity-hint ${errorId('capacity') ?? ''}`.trim()}
      />
      <p className="muted hint" id={`${id}-capacity-hint`}>
        <Trans>A soft limit: the event says it is full, and still takes answers.</Trans>
      </p>
      <ProblemText id={errorId('capacity')} problem={at('capacity')} fields={fields} />
      <label htmlFor={`${id}-description`}>
        <Trans>Description (optional)</Trans>
      </label>
      <textarea
        id={`${id}-description`}
        rows={4}
        value={draft.description}
        onChange={set('description')}
        aria-describedby={errorId('description')}
      />
      <ProblemText id={errorId('description')} problem={at('description')} fields={fields} />
      {problem && !problem.field && <ProblemText problem={problem} />}
      {problem?.field && !(problem.field in fields) && <ProblemText problem={{ code: problem.code }} />}
      <button type="submit" className="primary" disabled={busy}>
        {isNew ? <Trans>Schedule</Trans> : <Trans>Save</Trans>}
      </button>
    </form>
  );
}
