import { ApolloServerPlugin } from '@apollo/server';
import { Complexity } from '@nestjs/graphql';
import { DocumentNode, GraphQLError, Kind } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError, DEFAULT_PAGE_SIZE, ErrorCode, MAX_PAGE_SIZE } from '@juntos/common';

/**
 * The most items each plain list can hold, which its cost multiplies by. Where the API enforces a
 * bound at write time, that bound. Where nothing caps the list at write time, the read returns at
 * most this many (a SQL LIMIT, per parent when batched, in the documented order), so the work
 * never exceeds what the cost counted: a bound chosen far above what a local keeps.
 */
export const LIST_MAX = {
  /** UpdateWorkplaceInput.units: @ArrayMaxSize(1000). Also Petition.byUnit, one tally per unit. */
  units: 1000,
  /** A steward's assignment: workplaceIds is @ArrayMaxSize(50) in createInvitation and grantRole. */
  stewardWorkplaces: 50,
  /** Support levels 1 to 5, and null for never assessed. */
  supportLevels: 6,
  /** MembershipStatus has four values. */
  statuses: 4,
  /** Capped at read: the dashboard's workplaces, the first 1000 by name (DashboardRepository.workplaces). */
  workplaces: 1000,
  /** Capped at read: a platform admin's locals, the first 1000 by name (LocalsRepository). */
  locals: 1000,
  /** A user's role assignments in all locals: at most 10, enforced by the database on every grant
   * (migration RoleAssignmentCap, MAX_ROLES_PER_USER). */
  roles: 10,
  /** Capped at read, per campaign: its first 100 milestones and linked petitions (in the order added)
   * and its latest 100 stage changes (CampaignsRepository); the dashboard's 100 newest open
   * petitions and live campaigns. */
  campaignItems: 100,
  /** Capped at read: mySessions, the 100 most recently used live sessions (SessionsRepository.listLive). */
  sessions: 100,
  /** Capped at read: the dashboard's next 20 scheduled events, soonest first (EventsRepository.upcoming). */
  upcomingEvents: 20,
  /** AttendanceInput.memberIds: @ArrayMaxSize(500); recordAttendance returns one row per member. */
  attendanceBatch: 500,
  /** AssignContactsInput.memberIds: @ArrayMaxSize(500). */
  contactsBatch: 500,
  /** Capped at read, per incident: its first 50 verifications and first 50 alerts, oldest first
   * (IncidentsRepository.verificationsOf, AlertsRepository.forIncidents). */
  incidentItems: 50,
  /** ResponderInput.workplaceIds: @ArrayMaxSize(50). */
  responderWorkplaces: 50,
  /** ResponderSkill has five values, each at most once. */
  responderSkills: 5,
  /** Capped at read: a local's 200 newest open invitations (InvitationsRepository.listOpen). */
  pendingInvitations: 200,
  /** An audit event's counts: a handful of named numbers. */
  auditCounts: 20,
} as const;

/** How many items a page can hold: `first` within 1..max, or the default page when absent. */
export function pageItems(first: unknown, byDefault = DEFAULT_PAGE_SIZE, max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return byDefault;
  // A `first` outside 1..max is refused by the resolver, so it never fetches more than max.
  return typeof first === 'number' && Number.isFinite(first)
    ? Math.min(Math.max(Math.trunc(first), 1), max)
    : max;
}

/**
 * A page: a connection (`nodes`, `pageInfo`, `totalCount`), or a list capped by its `first`
 * (myFollowUps). 1, plus what is selected inside it once per item of the page. (A connection's
 * totalCount and pageInfo count per item too: a little over, never under.)
 */
export const pageCost: Complexity = ({ args, childComplexity }) =>
  1 + pageItems(args.first) * childComplexity;

/**
 * A list its parent already holds whole, of plain values with no resolver or query per item (an
 * import's up to 10,000 errors): selecting it adds no work, so it counts once. The answer-size
 * cap bounds its bytes.
 */
export const heldValuesCost: Complexity = ({ childComplexity }) => 1 + childComplexity;

/** A plain list of at most `max` items: 1, plus what is selected inside it once per item. */
export const listCost =
  (max: number): Complexity =>
  ({ childComplexity }) =>
    1 + max * childComplexity;

const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

/**
 * The cost of the operation Apollo resolved: every field counts 1, and a list multiplies what is
 * selected inside it by its largest possible size (the complexity declared on the field).
 * Throws GraphQLError for what cannot be costed (a fragment bomb, a malformed variable).
 */
export function operationCost(
  schema: Parameters<typeof getComplexity>[0]['schema'],
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> = {},
): number {
  // Only the operation that will run, with the fragments it may spread.
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: document.definitions.filter(
      (d) =>
        d.kind === Kind.FRAGMENT_DEFINITION ||
        (d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName)),
    ),
  };
  return getComplexity({ schema, query, variables, estimators });
}

// Thrown before execution: Apollo reads the status from `http` (formatError drops it).
const refused = (code: ErrorCode, message: string) => new AppError(code, message, { http: { status: 400 } });

/** Refuses an operation over `maxCost` before any resolver runs. */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          let cost: number;
          try {
            cost = operationCost(schema, document, operationName, request.variables ?? {});
          } catch (e) {
            // A GraphQLError here is a variable of the wrong type: a bad value, not a big query.
            if (e instanceof GraphQLError) throw refused('BAD_USER_INPUT', e.message);
            throw refused('QUERY_TOO_LARGE', 'This query cannot be costed: ask for less.');
          }
          if (cost > maxCost) {
            throw refused(
              'QUERY_TOO_LARGE',
              `This query would cost ${cost}, over the limit of ${maxCost}: ask for fewer or smaller lists.`,
            );
          }
        },
      };
    },
  };
}
