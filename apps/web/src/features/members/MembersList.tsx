import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MemberFilter, MembershipStatus } from '../../gql/graphql';
import { useAssessmentLabels } from '../../ui/assessment';
import { useLocal, Screen } from '../../ui/chrome';
import { daysAgo } from '../../ui/format';
import { problemOf, ProblemText } from '../../ui/problems';
import { ExportMembers } from './ExportMembers';
import { MemberCard } from './MemberCard';
import { canManage, useStatusLabels } from './roles';
import './members.css';

const PAGE = 25;

const MembersPage = graphql(`
  query MembersPage($localId: ID!, $filter: MemberFilter, $after: String, $first: Int) {
    members(localId: $localId, filter: $filter, after: $after, first: $first) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...MemberCardFields
      }
    }
  }
`);

export const MyWorkplaces = graphql(`
  query MyWorkplaces($localId: ID!) {
    workplaces(localId: $localId, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

/** Units are asked for one workplace at a time: a workplace may have many. */
export const UnitsOf = graphql(`
  query UnitsOf($id: ID!) {
    workplace(id: $id) {
      id
      units {
        id
        name
      }
    }
  }
`);

interface Filters {
  search: string;
  workplaceId: string;
  unitId: string;
  supportLevel: string;
  notContactedDays: string;
  /** Organizers' and admins' filters. */
  status: string;
  tag: string;
  includeArchived: boolean;
}

const NONE: Filters = {
  search: '',
  workplaceId: '',
  unitId: '',
  supportLevel: '',
  notContactedDays: '',
  status: '',
  tag: '',
  includeArchived: false,
};

/**
 * The list's search and filters while the app is open, so Back from a member returns to the same
 * list. In memory only: never in the URL, never in storage.
 */
let kept: Filters = NONE;

/** The typed search waits for a pause before it asks the API. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** My members: search and filters, and more pages as the list scrolls. */
export function MembersList() {
  const { t } = useLingui();
  const local = useLocal();
  const labels = useAssessmentLabels();
  const statuses = useStatusLabels();
  const manager = canManage(local.roles);
  const [filters, setFilters] = useState<Filters>(kept);
  useEffect(() => {
    kept = filters;
  }, [filters]);
  const search = useSettled(filters.search.trim(), 300);
  const tag = useSettled(manager ? filters.tag.trim().toLowerCase() : '', 300);
  const status = manager ? filters.status : '';
  const includeArchived = manager && filters.includeArchived;
  const [{ data: places, error: placesError }] = useQuery({
    query: MyWorkplaces,
    variables: { localId: local.id },
  });
  const workplaces = places?.workplaces.nodes ?? [];
  // The units of the chosen workplace, or of the only one.
  const unitsOf = filters.workplaceId || (workplaces.length === 1 ? workplaces[0].id : '');
  const [{ data: unitData }] = useQuery({ query: UnitsOf, variables: { id: unitsOf }, pause: !unitsOf });
  const units = unitsOf ? (unitData?.workplace?.units ?? []) : [];

  const filter = useMemo<MemberFilter>(() => {
    const f: MemberFilter = {};
    if (search) f.search = search;
    if (filters.workplaceId) f.workplaceId = filters.workplaceId;
    if (filters.unitId) f.unitId = filters.unitId;
    if (filters.supportLevel) f.supportLevel = Number(filters.supportLevel);
    if (filters.notContactedDays)
      f.notContactedSince = daysAgo(Number(filters.notContactedDays)).toISOString();
    if (status) f.status = status as MembershipStatus;
    if (tag) f.tag = tag;
    if (includeArchived) f.includeArchived = true;
    return f;
    // notContactedSince is computed when the filter changes, not on every render.
  }, [
    search,
    filters.workplaceId,
    filters.unitId,
    filters.supportLevel,
    filters.notContactedDays,
    status,
    tag,
    includeArchived,
  ]);
  // One entry per page loaded: the cursor it starts after. A new filter starts over.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [filter]);

  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [k]: e.target.value, ...(k === 'workplaceId' ? { unitId: '' } : {}) }));

  const filtered = !!(
    filters.workplaceId ||
    filters.unitId ||
    filters.supportLevel ||
    filters.notContactedDays ||
    status ||
    filters.tag ||
    includeArchived
  );

  return (
    <Screen title={t`My members`}>
      {manager && (
        <p className="members-actions">
          <Link to="/members/new" className="button primary">
            <Trans>New member</Trans>
          </Link>
          <Link to="/members/import" className="button">
            <Trans>Import</Trans>
          </Link>
        </p>
      )}
      <ProblemText problem={problemOf(placesError)} />
      <form role="search" className="filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="search">
          <Trans>Search by name, email or phone</Trans>
        </label>
        <input id="search" type="search" autoComplete="off" value={filters.search} onChange={set('search')} />
        <details open={filtered}>
          <summary>
            <Trans>Filters</Trans>
          </summary>
          <label htmlFor="workplace">
            <Trans>Workplace</Trans>
          </label>
          <select id="workplace" value={filters.workplaceId} onChange={set('workplaceId')}>
            <option value="">{t`All`}</option>
            {workplaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
          <label htmlFor="unit">
            <Trans>Unit</Trans>
          </label>
          <select id="unit" value={filters.unitId} onChange={set('unitId')}>
            <option value="">{t`All`}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <label htmlFor="level">
            <Trans>Assessment</Trans>
          </label>
          <select id="level" value={filters.supportLevel} onChange={set('supportLevel')}>
            <option value="">{t`All`}</option>
            {[1, 2, 3, 4, 5].map((l) => (
              <option key={l} value={l}>
                {l} · {labels[l]}
              </option>
            ))}
          </select>
          <label htmlFor="since">
            <Trans>Not contacted since</Trans>
          </label>
          <select id="since" value={filters.notContactedDays} onChange={set('notContactedDays')}>
            <option value="">{t`Any time`}</option>
            <option value="7">{t`7 days`}</option>
            <option value="30">{t`30 days`}</option>
            <option value="90">{t`90 days`}</option>
          </select>
          {manager && (
            <>
              <label htmlFor="status">
                <Trans>Membership status</Trans>
              </label>
              <select id="status" value={filters.status} onChange={set('status')}>
                <option value="">{t`All`}</option>
                {Object.entries(statuses).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
              <label htmlFor="tag">
                <Trans>Tag</Trans>
              </label>
              <input
                id="tag"
                type="text"
                autoComplete="off"
                maxLength={40}
                value={filters.tag}
                onChange={set('tag')}
              />
              <label className="check">
                <input
                  type="checkbox"
                  checked={filters.includeArchived}
                  onChange={(e) => setFilters((f) => ({ ...f, includeArchived: e.target.checked }))}
                />
                <Trans>Include archived members</Trans>
              </label>
            </>
          )}
          <button type="button" onClick={() => setFilters(NONE)}>
            <Trans>Clear filters</Trans>
          </button>
        </details>
      </form>
      {local.roles.includes('LOCAL_ADMIN') && <ExportMembers localId={local.id} />}
      <ul className="cards" aria-live="polite">
        {cursors.map((after, i) => (
          <Page
            key={`${i}:${after ?? ''}`}
            localId={local.id}
            filter={filter}
            after={after}
            last={i === cursors.length - 1}
            more={(next) => setCursors((c) => (c[i + 1] === next ? c : [...c.slice(0, i + 1), next]))}
          />
        ))}
      </ul>
    </Screen>
  );
}

/** One page of the list; the last one watches for the end of the list coming into view. */
function Page({
  localId,
  filter,
  after,
  last,
  more,
}: {
  localId: string;
  filter: MemberFilter;
  after: string | null;
  last: boolean;
  more: (cursor: string) => void;
}) {
  const [{ data, error, fetching }] = useQuery({
    query: MembersPage,
    variables: { localId, filter, after, first: PAGE },
  });
  const end = useRef<HTMLLIElement>(null);
  const next = data?.members.pageInfo.hasNextPage ? data.members.pageInfo.endCursor : null;
  useEffect(() => {
    if (!last || !next || !end.current) return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) more(next);
    });
    seen.observe(end.current);
    return () => seen.disconnect();
  }, [last, next, more]);
  return (
    <>
      {after === null && data && (
        <li className="count">
          <span role="status">
            {data.members.totalCount === 0 ? (
              <Trans>No members match.</Trans>
            ) : (
              <Plural value={data.members.totalCount} one="# member" other="# members" />
            )}
          </span>
        </li>
      )}
      {data?.members.nodes.map((m) => (
        <li key={m.id}>
          <MemberCard member={m} />
        </li>
      ))}
      {error && (
        <li>
          <ProblemText problem={problemOf(error)} />
        </li>
      )}
      {fetching && (
        <li>
          <span role="status">
            <Trans>Loading…</Trans>
          </span>
        </li>
      )}
      {last && next && (
        <li ref={end}>
          <button type="button" onClick={() => more(next)}>
            <Trans>Show more</Trans>
          </button>
        </li>
      )}
    </>
  );
}
