import { Injectable } from '@nestjs/common';
import { badInput, conflict, notFound, Page } from '@juntos/common';
import { AccessService, Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { MemberEntity } from '@juntos/db';
import { ChildPages } from '../../graphql/child-pages';
import { AuditService } from '../audit/audit.service';
import { MembersService } from '../members/members.service';
import { noSuchWorkplace, WorkplacesService } from '../workplaces/workplaces.service';
import { AssignContactsInput, CommitteeInput, CommitteeMembershipInput } from './dto/committee.inputs';
import {
  CommitteeContactEntity,
  CommitteeEntity,
  CommitteeKind,
  CommitteeMembershipEntity,
} from './committee.entity';
import { CommitteeReach, CommitteesRepository } from './committees.repository';

const archived = () =>
  badInput('This committee is archived: it takes no new members or contacts.', 'committeeId');
const outsideWorkplace = (field: string) =>
  badInput("The member does not work at, or live in, this committee's workplace.", field);

@Injectable()
export class CommitteesService {
  constructor(
    private readonly access: AccessService,
    private readonly committees: CommitteesRepository,
    private readonly workplaces: WorkplacesService,
    private readonly members: MembersService,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, input: CommitteeInput): Promise<CommitteeEntity> {
    const scope = this.access.requireLocal(ctx, 'committees:manage', input.localId);
    if (input.workplaceId) {
      const [workplace] = await this.workplaces.inScope(scope, [input.workplaceId]);
      if (!workplace) throw noSuchWorkplace();
    }
    const committee = await this.committees.insert(scope, {
      workplaceId: input.workplaceId ?? null,
      kind: input.kind,
      name: input.name,
    });
    await this.audit.recordIn(ctx, scope, 'committee.create', { type: 'Committee', id: committee.id });
    return committee;
  }

  /** Keeps the committee, its seats and contacts; it takes no new ones. Idempotent. */
  async archive(ctx: RequestContext, id: string): Promise<CommitteeEntity> {
    const scope = await this.access.requireRecord(ctx, 'committees:manage', 'committee', id);
    await this.committees.archive(scope, id);
    await this.audit.recordIn(ctx, scope, 'committee.archive', { type: 'Committee', id });
    return (await this.committees.find(scope, id))!;
  }

  list(
    ctx: RequestContext,
    localId: string,
    filter: { kind?: CommitteeKind | null; workplaceId?: string | null },
    first?: number | null,
    after?: string | null,
  ): Promise<Page<CommitteeEntity>> {
    const scope = this.access.requireLocal(ctx, 'committees:read', localId);
    return this.committees.page(scope, filter, { first, after });
  }

  async get(ctx: RequestContext, id: string): Promise<CommitteeEntity | null> {
    const scope = await this.access.findRecord(ctx, 'committees:read', 'committee', id);
    return scope ? this.committees.find(scope, id) : null;
  }

  async addMember(ctx: RequestContext, input: CommitteeMembershipInput): Promise<CommitteeMembershipEntity> {
    const scope = await this.access.requireRecord(ctx, 'committees:manage', 'committee', input.committeeId);
    const committee = (await this.committees.find(scope, input.committeeId))!;
    const [member] = await this.members.inScope(scope, [input.memberId]);
    if (!member) throw notFound('Member');
    checkMember(member, committee, 'memberId');
    if (input.unitId) {
      const units = committee.workplaceId
        ? await this.workplaces.unitsOf(scope, [committee.workplaceId])
        : [];
      if (!units.some((u) => u.id === input.unitId))
        throw badInput("That unit is not part of the committee's workplace.", 'unitId');
    }
    if (!(await this.committees.holdOpen(scope, committee.id))) throw archived();
    const seat = await this.committees.addMember(scope, {
      committeeId: committee.id,
      memberId: member.id,
      role: input.role,
      unitId: input.unitId ?? null,
    });
    if (!seat) throw conflict('That member already sits on this committee.', 'memberId');
    await this.audit.recordIn(ctx, scope, 'committee.member.add', { type: 'Committee', id: committee.id });
    return seat;
  }

  /** Frees the seat's contacts (they go with it). Refused on an archived committee, which keeps its history. */
  async removeMember(ctx: RequestContext, id: string): Promise<boolean> {
    const scope = await this.access.requireRecord(ctx, 'committees:manage', 'committeeMembership', id);
    const seat = (await this.committees.findMembership(scope, id))!;
    // An archived committee keeps its history.
    if (!(await this.committees.holdOpen(scope, seat.committeeId))) throw archived();
    await this.committees.removeMember(scope, id);
    await this.audit.recordIn(ctx, scope, 'committee.member.remove', {
      type: 'Committee',
      id: seat.committeeId,
    });
    return true;
  }

  /**
   * Gives the seat these members as contacts; a member who had a contact on the committee moves
   * to this seat. Each member must be in the caller's scope (NOT_FOUND otherwise), not archived,
   * and of the committee's workplace (BAD_USER_INPUT otherwise).
   */
  async assignContacts(ctx: RequestContext, input: AssignContactsInput): Promise<CommitteeMembershipEntity> {
    const scope = await this.access.requireRecord(
      ctx,
      'committees:manage',
      'committeeMembership',
      input.membershipId,
    );
    const seat = (await this.committees.findMembership(scope, input.membershipId))!;
    const committee = (await this.committees.find(scope, seat.committeeId))!;
    const unique = [...new Set(input.memberIds)];
    const members = await this.members.inScope(scope, unique);
    if (members.length !== unique.length) throw notFound('Member');
    for (const m of members) checkMember(m, committee, 'memberIds');
    if (!(await this.committees.holdOpen(scope, committee.id))) throw archived();
    const n = await this.committees.assignContacts(scope, {
      committeeId: committee.id,
      membershipId: seat.id,
      memberIds: unique,
    });
    // How many members, never who.
    await this.audit.recordIn(
      ctx,
      scope,
      'committee.contacts.assign',
      { type: 'Committee', id: committee.id },
      { members: n },
    );
    return seat;
  }

  /** Who sits on the committee: organizers and admins, and stewards for their workplaces' committees. */
  memberships(
    ctx: RequestContext,
    committee: { id: string; localId: string },
    first?: number | null,
    after?: string | null,
  ): Promise<Page<CommitteeMembershipEntity>> {
    const scope = this.access.requireLocal(ctx, 'committees:members', committee.localId);
    return this.committees.membershipPage(scope, committee.id, { first, after });
  }

  /** A seat's contacts, as members, in the order assigned. */
  async contacts(
    ctx: RequestContext,
    seat: { id: string; localId: string },
    first?: number | null,
    after?: string | null,
  ): Promise<Page<MemberEntity>> {
    const scope = this.access.requireLocal(ctx, 'committees:members', seat.localId);
    const page = await this.committees.contactPage(scope, seat.id, { first, after });
    return (await this.asMembers(ctx, seat.localId, [page]))[0];
  }

  firstMembershipPages(
    ctx: RequestContext,
    localId: string,
    committeeIds: readonly string[],
    first?: number | null,
  ): Promise<Page<CommitteeMembershipEntity>[]> {
    const scope = this.access.requireLocal(ctx, 'committees:members', localId);
    return this.committees.firstMembershipPages(scope, committeeIds, first);
  }

  /** The first page of many seats' contacts, as members: three statements for a list of seats. */
  async firstContactPages(
    ctx: RequestContext,
    localId: string,
    membershipIds: readonly string[],
    first?: number | null,
  ): Promise<Page<MemberEntity>[]> {
    const scope = this.access.requireLocal(ctx, 'committees:members', localId);
    return this.asMembers(ctx, localId, await this.committees.firstContactPages(scope, membershipIds, first));
  }

  /** Contact pages as pages of the members they name, read in one statement within `members:read`. */
  private async asMembers(
    ctx: RequestContext,
    localId: string,
    pages: Page<CommitteeContactEntity>[],
  ): Promise<Page<MemberEntity>[]> {
    const memberScope = this.members.readScope(ctx, localId);
    const ids = pages.flatMap((p) => p.nodes.map((k) => k.memberId));
    const found = memberScope && ids.length ? await this.members.inScope(memberScope, ids) : [];
    const byId = new Map(found.map((m) => [m.id, m]));
    return pages.map((page) => ({
      ...page,
      nodes: page.nodes.map((k) => byId.get(k.memberId)).filter((m): m is MemberEntity => !!m),
    }));
  }

  /** The scope nested committees and their numbers read with, or null. */
  readScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'committees:read', localId);
  }

  /** The scope seats and contacts read with, or null. */
  membersScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'committees:members', localId);
  }

  /**
   * Members' seats, oldest first, within a scope from libs/access (membersScope), on committees
   * that scope reaches: a steward's on their assigned workplaces' committees only.
   */
  readonly memberSeats: ChildPages<CommitteeMembershipEntity> = {
    first: (scope, memberIds, first) => this.committees.firstMemberSeatPages(scope, memberIds, first),
    after: (scope, memberId, args) => this.committees.memberSeatPage(scope, memberId, args),
  };

  inScope(scope: Scope, ids: readonly string[]): Promise<CommitteeEntity[]> {
    return this.committees.findMany(scope, ids);
  }

  reach(scope: Scope, ids: readonly string[]): Promise<CommitteeReach[]> {
    return this.committees.reach(scope, ids);
  }

  contactCounts(scope: Scope, membershipIds: readonly string[]): Promise<Map<string, number>> {
    return this.committees.contactCounts(scope, membershipIds);
  }

  /** For the dashboard, whose caller checked `dashboard:read`. */
  coverageByWorkplace(scope: Scope): Promise<Map<string, number>> {
    return this.committees.coverageByWorkplace(scope);
  }
}

function checkMember(m: MemberEntity, committee: CommitteeEntity, field: string): void {
  if (m.archivedAt) throw badInput('The member is archived.', field);
  if (committee.workplaceId && m.workplaceId !== committee.workplaceId) throw outsideWorkplace(field);
}
