import { Trans, useLingui } from '@lingui/react/macro';
import { FormEvent, ReactNode, useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import type { MembershipStatus } from '../../../gql/graphql';
import { useLocal } from '../../../ui/chrome';
import { Problem, problemOf, ProblemText } from '../../../ui/problems';
import { MyWorkplaces, UnitsOf } from '../MembersList';
import { useStatusLabels } from '../roles';
import type { CombinedError } from 'urql';

/** What the form holds: text as typed, turned into the API's input on save. */
export interface MemberDraft {
  firstName: string;
  lastName: string;
  preferredName: string;
  email: string;
  phone: string;
  preferredLanguage: string;
  status: MembershipStatus;
  workplaceId: string;
  unitId: string;
  tags: string;
  /** yyyy-mm-dd, or empty. */
  cardSignedAt: string;
  alertOptIn: boolean;
}

export const EMPTY_DRAFT: MemberDraft = {
  firstName: '',
  lastName: '',
  preferredName: '',
  email: '',
  phone: '',
  preferredLanguage: '',
  status: 'PROSPECT',
  workplaceId: '',
  unitId: '',
  tags: '',
  cardSignedAt: '',
  alertOptIn: false,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A stored time as the date it falls on here. */
export function dateInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The fields of MemberInput/UpdateMemberInput, from the draft: blanks are null (cleared). */
export function toInput(d: MemberDraft) {
  const blank = (s: string) => (s.trim() ? s.trim() : null);
  const [y, m, day] = d.cardSignedAt.split('-').map(Number);
  return {
    firstName: d.firstName.trim(),
    lastName: d.lastName.trim(),
    preferredName: blank(d.preferredName),
    email: blank(d.email),
    phone: blank(d.phone),
    preferredLanguage: blank(d.preferredLanguage),
    status: d.status,
    workplaceId: d.workplaceId || null,
    unitId: (d.workplaceId && d.unitId) || null,
    tags: d.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    // Noon on the day, so the date reads the same in every time zone of the Americas.
    cardSignedAt: d.cardSignedAt ? new Date(y, m - 1, day, 12).toISOString() : null,
    alertOptIn: d.alertOptIn,
  };
}

/** Languages members of LA locals speak most, named in the user's language; any other stays as it is. */
const LANGUAGES = ['es', 'en', 'zh-Hans', 'zh-Hant', 'ko', 'tl', 'vi', 'hy', 'ru', 'fa', 'ar', 'km', 'ja'];

/** The member's fields, each with the API's refusal next to it. */
export function MemberForm({
  initial,
  submitLabel,
  save,
  children,
}: {
  initial: MemberDraft;
  submitLabel: string;
  save: (draft: MemberDraft) => Promise<CombinedError | undefined>;
  children?: ReactNode;
}) {
  const { t, i18n } = useLingui();
  const local = useLocal();
  const statuses = useStatusLabels();
  const id = useId();
  const [draft, setDraft] = useState<MemberDraft>(initial);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [{ data: places, error: placesError }] = useQuery({
    query: MyWorkplaces,
    variables: { localId: local.id },
  });
  const workplaces = places?.workplaces.nodes ?? [];
  const [{ data: unitData }] = useQuery({
    query: UnitsOf,
    variables: { id: draft.workplaceId },
    pause: !draft.workplaceId,
  });
  const units = draft.workplaceId ? (unitData?.workplace?.units ?? []) : [];
  const languages = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.locale], { type: 'language' });
    const tags =
      draft.preferredLanguage && !LANGUAGES.includes(draft.preferredLanguage)
        ? [...LANGUAGES, draft.preferredLanguage]
        : LANGUAGES;
    return tags.map((tag) => ({ tag, name: names.of(tag) ?? tag }));
  }, [i18n.locale, draft.preferredLanguage]);

  const set = (k: keyof MemberDraft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value, ...(k === 'workplaceId' ? { unitId: '' } : {}) }));

  /** The sentence for a refusal of one field, by what the API said. */
  const fieldSentences: Record<string, string> = {
    firstName: t`Write a first name, up to 100 characters.`,
    lastName: t`Write a last name, up to 100 characters.`,
    preferredName: t`The preferred name can be up to 100 characters.`,
    email:
      problem?.code === 'CONFLICT'
        ? t`Another member of this local already has this email.`
        : t`This is not an email address.`,
    phone:
      problem?.code === 'CONFLICT'
        ? t`Another member of this local already has this phone number.`
        : t`This is not a phone number.`,
    preferredLanguage: t`Choose a language from the list.`,
    status: t`Choose a status.`,
    workplaceId: t`Choose one of the local's workplaces.`,
    unitId: t`That unit is not part of the workplace.`,
    tags: t`At most 20 tags, each up to 40 characters.`,
    cardSignedAt: t`This is not a date.`,
    alertOptIn: t`Choose yes or no.`,
  };
  const fieldProblem = problem?.field && fieldSentences[problem.field] ? problem.field : null;
  const errorId = (k: string) => `${id}-${k}-problem`;
  /** The refusal under its field, tied to it for screen readers. */
  const under = (k: keyof MemberDraft | 'workplaceId') =>
    fieldProblem === k ? <ProblemText problem={problem} fields={fieldSentences} id={errorId(k)} /> : null;
  const described = (k: string) =>
    fieldProblem === k ? { 'aria-invalid': true, 'aria-describedby': errorId(k) } : {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const error = await save(draft);
    setBusy(false);
    const p = problemOf(error);
    setProblem(p);
    // On a phone the refused field may be far above the button: go to it.
    if (p?.field) window.setTimeout(() => document.getElementById(`${id}-${p.field}`)?.focus(), 0);
  };

  const field = (
    k: 'firstName' | 'lastName' | 'preferredName' | 'email' | 'phone',
    label: string,
    type = 'text',
    more = {},
  ) => (
    <>
      <label htmlFor={`${id}-${k}`}>{label}</label>
      <input
        id={`${id}-${k}`}
        type={type}
        value={draft[k]}
        onChange={set(k)}
        autoComplete="off"
        {...more}
        {...described(k)}
      />
      {under(k)}
    </>
  );

  return (
    <form className="member-form" noValidate onSubmit={(e) => void submit(e)}>
      <ProblemText problem={problemOf(placesError)} />
      {field('firstName', t`First name`, 'text', { required: true, maxLength: 100 })}
      {field('lastName', t`Last name`, 'text', { required: true, maxLength: 100 })}
      {field('preferredName', t`Preferred name (optional)`, 'text', { maxLength: 100 })}
      {field('email', t`Email (optional)`, 'email', { inputMode: 'email' })}
      {field('phone', t`Phone (optional)`, 'tel', { inputMode: 'tel' })}
      <label htmlFor={`${id}-preferredLanguage`}>
        <Trans>Preferred language</Trans>
      </label>
      <select
        id={`${id}-preferredLanguage`}
        value={draft.preferredLanguage}
        onChange={set('preferredLanguage')}
        {...described('preferredLanguage')}
      >
        <option value="">{t`Not known`}</option>
        {languages.map((l) => (
          <option key={l.tag} value={l.tag}>
            {l.name}
          </option>
        ))}
      </select>
      {under('preferredLanguage')}
      <label htmlFor={`${id}-status`}>
        <Trans>Membership status</Trans>
      </label>
      <select id={`${id}-status`} value={draft.status} onChange={set('status')} {...described('status')}>
        {Object.entries(statuses).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {under('status')}
      <label htmlFor={`${id}-workplaceId`}>
        <Trans>Workplace</Trans>
      </label>
      <select
        id={`${id}-workplaceId`}
        value={draft.workplaceId}
        onChange={set('workplaceId')}
        {...described('workplaceId')}
      >
        <option value="">{t`None`}</option>
        {workplaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
      {under('workplaceId')}
      {draft.workplaceId && (
        <>
          <label htmlFor={`${id}-unitId`}>
            <Trans>Unit</Trans>
          </label>
          <select id={`${id}-unitId`} value={draft.unitId} onChange={set('unitId')} {...described('unitId')}>
            <option value="">{t`None`}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          {under('unitId')}
        </>
      )}
      <label htmlFor={`${id}-tags`}>
        <Trans>Tags, separated by commas (optional)</Trans>
      </label>
      <input
        id={`${id}-tags`}
        type="text"
        autoComplete="off"
        value={draft.tags}
        onChange={set('tags')}
        {...described('tags')}
      />
      {under('tags')}
      <label htmlFor={`${id}-cardSignedAt`}>
        <Trans>Date the union card was signed (optional)</Trans>
      </label>
      <input
        id={`${id}-cardSignedAt`}
        type="date"
        value={draft.cardSignedAt}
        onChange={set('cardSignedAt')}
        {...described('cardSignedAt')}
      />
      {under('cardSignedAt')}
      <label className="check">
        <input
          id={`${id}-alertOptIn`}
          type="checkbox"
          checked={draft.alertOptIn}
          onChange={(e) => setDraft((d) => ({ ...d, alertOptIn: e.target.checked }))}
          {...described('alertOptIn')}
        />
        <Trans>They agreed to receive rapid-response alerts by text message.</Trans>
      </label>
      {under('alertOptIn')}
      <p className="muted">
        <Trans>Never record immigration status.</Trans>
      </p>
      {problem && !fieldProblem && <ProblemText problem={problem} />}
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
      {children}
    </form>
  );
}
