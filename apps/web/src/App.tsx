import { useLingui } from '@lingui/react/macro';
import {
  ComponentType,
  lazy,
  LazyExoticComponent,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { Provider, useQuery } from 'urql';
import { makeClient } from './api';
import { ChooseLocal, NoLocal } from './features/home/ChooseLocal';
import { More } from './features/home/More';
import { NotFound } from './features/home/NotFound';
import { MemberPage } from './features/members/MemberPage';
import { MembersList } from './features/members/MembersList';
import { LogOneOnOne } from './features/one-on-ones/LogOneOnOne';
import { CollectSignature } from './features/petitions/CollectSignature';
import { OpenPetitions } from './features/petitions/OpenPetitions';
import { AcceptInvitation } from './features/session/AcceptInvitation';
import { SignedOutReason, SignIn } from './features/session/SignIn';
import { Settings } from './features/settings/Settings';
import { Today } from './features/today/Today';
import { graphql } from './gql';
import { idleLockMinutes, useIdleLock } from './idle';
import { refresh, rememberedEmail, rememberEmail, signOut } from './session';
import { CurrentLocal, LocalContext, Loading, Role, Screen } from './ui/chrome';
import { problemOf, ProblemText } from './ui/problems';

// The organizer's, the board's and the admin's screens load when first opened, so a steward's
// phone downloads only the steward's screens before the first one.
const Dashboard = lazy(() => import('./features/board/Dashboard'));
const CampaignsRoutes = lazy(() => import('./features/board/CampaignsRoutes'));
const WorkplacesRoutes = lazy(() => import('./features/workplaces/WorkplacesRoutes'));
const PeopleRoutes = lazy(() => import('./features/admin/PeopleRoutes'));
const AuditLog = lazy(() => import('./features/admin/AuditLog'));
const DeskRoutes = lazy(() => import('./features/desk/DeskRoutes'));
const ReportIncident = lazy(() => import('./features/desk/ReportIncident'));
const EventsRoutes = lazy(() => import('./features/events/EventsRoutes'));
const CommitteesRoutes = lazy(() => import('./features/committees/CommitteesRoutes'));
const NewMember = lazy(() => import('./features/members/manage/NewMember'));
const EditMember = lazy(() => import('./features/members/manage/EditMember'));
const ImportMembers = lazy(() => import('./features/members/manage/ImportMembers'));
const NewPetition = lazy(() => import('./features/petitions/manage/NewPetition'));

/** A lazily loaded area, with the loading line while its code arrives. */
function Area({ of: Screen }: { of: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<Loading />}>
      <Screen />
    </Suspense>
  );
}

type State =
  | { kind: 'loading' }
  | { kind: 'out'; reason?: SignedOutReason; email?: string | null }
  | { kind: 'in'; since: number };

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  // A reload signs back in through the refresh cookie, or shows the sign-in screen.
  useEffect(() => {
    void refresh().then((s) => setState(s ? { kind: 'in', since: Date.now() } : { kind: 'out' }));
  }, []);
  const navigate = useNavigate();
  const end = useCallback(
    async (reason?: SignedOutReason) => {
      const email = reason === 'locked' ? rememberedEmail() : null;
      await signOut();
      // After the idle lock the same screen comes back; after a sign-out the next one starts at Today.
      if (reason !== 'locked') navigate('/', { replace: true });
      setState({ kind: 'out', reason, email });
    },
    [navigate],
  );
  if (state.kind === 'loading') return null;
  if (state.kind === 'out') {
    const onIn = () => setState({ kind: 'in', since: Date.now() });
    return (
      <Routes>
        <Route path="/invitation" element={<AcceptInvitation onIn={onIn} />} />
        <Route path="*" element={<SignIn reason={state.reason} email={state.email} onIn={onIn} />} />
      </Routes>
    );
  }
  // A new client per sign-in: nothing answered before it is kept.
  return <SignedIn key={state.since} end={end} />;
}

function SignedIn({ end }: { end: (reason?: SignedOutReason) => Promise<void> }) {
  const client = useMemo(() => makeClient(() => void end('ended')), [end]);
  const lock = useCallback(() => void end('locked'), [end]);
  useIdleLock(idleLockMinutes(), lock);
  return (
    <Provider value={client}>
      <Workspace signOut={() => end()} />
    </Provider>
  );
}

const Me = graphql(`
  query Me {
    me {
      id
      displayName
      email
      roles {
        id
        role
        local {
          id
          name
        }
      }
    }
  }
`);

interface LocalRoles {
  id: string;
  name: string;
  roles: Role[];
}

/** The locals the user holds roles in, each with those roles. */
function byLocal(roles: { role: Role; local: { id: string; name: string } }[]): LocalRoles[] {
  const locals = new Map<string, LocalRoles>();
  for (const r of roles) {
    const l = locals.get(r.local.id) ?? { id: r.local.id, name: r.local.name, roles: [] };
    l.roles.push(r.role);
    locals.set(l.id, l);
  }
  return [...locals.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function Workspace({ signOut: out }: { signOut: () => Promise<void> }) {
  const { t } = useLingui();
  const [{ data, error, fetching }] = useQuery({ query: Me });
  const [chosen, setChosen] = useState<string | null>(null);
  const locals = useMemo(() => byLocal(data?.me.roles ?? []), [data]);
  useEffect(() => {
    if (data) rememberEmail(data.me.email);
  }, [data]);
  const localId = chosen ?? (locals.length === 1 ? locals[0].id : null);
  // The only local stays the one worked in when an invitation accepted in Settings adds another.
  useEffect(() => {
    if (!chosen && locals.length === 1) setChosen(locals[0].id);
  }, [chosen, locals]);
  const local = locals.find((l) => l.id === localId);
  const current = useMemo<CurrentLocal | null>(
    () =>
      local
        ? {
            id: local.id,
            name: local.name,
            roles: local.roles,
            others: locals.length > 1,
            choose: () => setChosen(null),
          }
        : null,
    [local, locals.length],
  );

  if (!data)
    return (
      <Screen title={t`Juntos`}>
        {fetching && <Loading />}
        <ProblemText problem={problemOf(error)} />
      </Screen>
    );
  if (!locals.length) return <NoLocal signOut={out} />;
  if (!current) return <ChooseLocal locals={locals} choose={setChosen} />;
  // Board members review the numbers, never names: their home is the summary.
  const boardOnly = current.roles.every((r) => r === 'BOARD_MEMBER');
  return (
    <LocalContext.Provider value={current}>
      <Routes>
        <Route path="/" element={boardOnly ? <Navigate to="/dashboard" replace /> : <Today />} />
        <Route path="/more" element={<More />} />
        <Route path="/dashboard" element={<Area of={Dashboard} />} />
        <Route path="/campaigns/*" element={<Area of={CampaignsRoutes} />} />
        <Route path="/workplaces/*" element={<Area of={WorkplacesRoutes} />} />
        <Route path="/people/*" element={<Area of={PeopleRoutes} />} />
        <Route path="/audit" element={<Area of={AuditLog} />} />
        <Route path="/desk/*" element={<Area of={DeskRoutes} />} />
        <Route path="/report" element={<Area of={ReportIncident} />} />
        <Route path="/events/*" element={<Area of={EventsRoutes} />} />
        <Route path="/committees/*" element={<Area of={CommitteesRoutes} />} />
        <Route path="/members/new" element={<Area of={NewMember} />} />
        <Route path="/members/import" element={<Area of={ImportMembers} />} />
        <Route path="/members/:id/edit" element={<Area of={EditMember} />} />
        <Route path="/petitions/new" element={<Area of={NewPetition} />} />
        <Route path="/members" element={<MembersList />} />
        <Route path="/members/:id" element={<MemberPage />} />
        <Route path="/members/:id/log" element={<LogOneOnOne />} />
        <Route path="/log" element={<LogOneOnOne />} />
        <Route path="/petitions" element={<OpenPetitions />} />
        <Route path="/petitions/:id" element={<CollectSignature />} />
        <Route path="/settings" element={<Settings signOut={out} />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </LocalContext.Provider>
  );
}
