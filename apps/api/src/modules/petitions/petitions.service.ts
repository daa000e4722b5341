import { Injectable } from '@nestjs/common';
import { badInput, conflict, notFound, Page, PetitionStatus } from '@juntos/common';
import { AccessService, Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { PetitionEntity, SignatureEntity } from '@juntos/db';
import { ChildPages } from '../../graphql/child-pages';
import { AuditService } from '../audit/audit.service';
import { MembersService } from '../members/members.service';
import { noSuchWorkplace, WorkplacesService } from '../workplaces/workplaces.service';
import { AddSignatureInput, PetitionInput } from './dto/petition.inputs';
import { assertMove, CLOSING_STATUSES, defaultGoal } from './petition-rules';
import { PetitionsRepository, UnitTallyRow } from './petitions.repository';

const { OPEN, DELIVERED } = PetitionStatus;

const notCollecting = (status: PetitionStatus) =>
  badInput(`Signatures are collected while a petition is OPEN; this one is ${status}.`, 'petitionId');

@Injectable()
export class PetitionsService {
  constructor(
    private readonly access: AccessService,
    private readonly petitions: PetitionsRepository,
    private readonly workplaces: WorkplacesService,
    private readonly members: MembersService,
    private readonly audit: AuditService,
  ) {}

  /** The goal defaults to a majority of the workplace headcount; otherwise it must be given. */
  async create(ctx: RequestContext, input: PetitionInput): Promise<PetitionEntity> {
    const scope = this.access.requireLocal(ctx, 'petitions:manage', input.localId);
    let headcount: number | null = null;
    if (input.workplaceId) {
      const [workplace] = await this.workplaces.inScope(scope, [input.workplaceId]);
      if (!workplace) throw noSuchWorkplace();
      headcount = workplace.headcount;
    }
    const goal = defaultGoal(input.goal, headcount);
    if (goal === null) {
      throw badInput(
        input.workplaceId
          ? 'This workplace has no headcount: give the petition a goal.'
          : 'A petition across the local needs a goal.',
        'goal',
      );
    }
    const petition = await this.petitions.insert(scope, {
      workplaceId: input.workplaceId ?? null,
      title: input.title,
      demand: input.demand,
      target: input.target,
      goal,
      deadline: input.deadline ?? null,
    });
    await this.audit.recordIn(ctx, scope, 'petition.create', { type: 'Petition', id: petition.id });
    return petition;
  }

  open(ctx: RequestContext, id: string): Promise<PetitionEntity> {
    return this.moveTo(ctx, id, OPEN, 'petition.open');
  }

  deliver(ctx: RequestContext, id: string): Promise<PetitionEntity> {
    return this.moveTo(ctx, id, DELIVERED, 'petition.deliver');
  }

  /** WON, LOST or CLOSED. */
  close(ctx: RequestContext, id: string, status: PetitionStatus): Promise<PetitionEntity> {
    if (!CLOSING_STATUSES.includes(status))
      throw badInput('closePetition takes WON, LOST or CLOSED.', 'status');
    return this.moveTo(ctx, id, status, 'petition.close');
  }

  list(
    ctx: RequestContext,
    localId: string,
    status: PetitionStatus | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<PetitionEntity>> {
    const scope = this.access.requireLocal(ctx, 'petitions:read', localId);
    return this.petitions.page(scope, status, { first, after });
  }

  async get(ctx: RequestContext, id: string): Promise<PetitionEntity | null> {
    const scope = await this.access.findRecord(ctx, 'petitions:read', 'petition', id);
    return scope ? this.petitions.find(scope, id) : null;
  }

  /**
   * Idempotent and safe under concurrency. Only while OPEN. The member must be in the caller's
   * scope (else NOT_FOUND), of the petition's local and, for a workplace petition, of its workplace.
   */
  async addSignature(ctx: RequestContext, input: AddSignatureInput): Promise<SignatureEntity> {
    const scope = await this.access.requireRecord(ctx, 'signatures:write', 'member', input.memberId);
    const petitionScope = await this.access.findRecord(ctx, 'petitions:read', 'petition', input.petitionId);
    const petition = petitionScope ? await this.petitions.find(petitionScope, input.petitionId) : null;
    if (!petition) throw notFound('Petition');
    if (petition.localId !== scope.localId)
      throw badInput("The member is not part of this petition's local.", 'memberId');
    if (petition.status !== OPEN) throw notCollecting(petition.status);
    const [member] = await this.members.inScope(scope, [input.memberId]);
    if (member.archivedAt) throw badInput('The member is archived.', 'memberId');
    if (petition.workplaceId && member.workplaceId !== petition.workplaceId) {
      throw badInput("The member does not work at, or live in, this petition's workplace.", 'memberId');
    }
    if (input.signedAt && input.signedAt.getTime() > Date.now() + 3600_000)
      throw badInput('signedAt cannot be in the future.', 'signedAt');
    const signature = await this.petitions.sign(scope, {
      petitionId: petition.id,
      memberId: input.memberId,
      collectedBy: ctx.actor.userId,
      method: input.method,
      signedAt: input.signedAt ?? null,
    });
    // Moved on since it was read above (a close committed meanwhile): say to what.
    if (!signature) throw notCollecting((await this.petitions.find(scope, petition.id))!.status);
    await this.audit.recordIn(ctx, scope, 'signature.add', { type: 'Signature', id: signature.id });
    return signature;
  }

  /** For mistakes, while the petition is still collecting. */
  async removeSignature(ctx: RequestContext, id: string): Promise<boolean> {
    const scope = await this.access.requireRecord(ctx, 'signatures:write', 'signature', id);
    const signature = (await this.petitions.findSignature(scope, id))!;
    const petition = (await this.petitions.find(scope, signature.petitionId))!;
    if (petition.status !== OPEN)
      throw badInput(
        `Signatures can be removed while a petition is OPEN; this one is ${petition.status}.`,
        'id',
      );
    if (!(await this.petitions.deleteSignature(scope, id))) {
      // A close committed since the read above; if the petition is still OPEN, a concurrent
      // removal took the signature first, and this one has nothing left to do.
      const now = (await this.petitions.find(scope, signature.petitionId))!.status;
      if (now !== OPEN)
        throw badInput(`Signatures can be removed while a petition is OPEN; this one is ${now}.`, 'id');
    }
    await this.audit.recordIn(ctx, scope, 'signature.remove', { type: 'Signature', id });
    return true;
  }

  /** Who signed: organizers and admins, and stewards for their workplaces' members. */
  signatures(
    ctx: RequestContext,
    petition: { id: string; localId: string },
    first?: number | null,
    after?: string | null,
  ): Promise<Page<SignatureEntity>> {
    const scope = this.access.requireLocal(ctx, 'signatures:read', petition.localId);
    return this.petitions.signaturePage(scope, petition.id, { first, after });
  }

  /** The first page of several petitions' signatures at once (no cursor): for a loader. */
  firstSignaturePages(
    ctx: RequestContext,
    localId: string,
    petitionIds: readonly string[],
    first?: number | null,
  ): Promise<Page<SignatureEntity>[]> {
    const scope = this.access.requireLocal(ctx, 'signatures:read', localId);
    return this.petitions.firstSignaturePages(scope, petitionIds, first);
  }

  /**
   * The scope a member's signatures (Member.signatures) read with, or null: `signatures:read`, so
   * they show exactly the rows Petition.signatures would.
   */
  signaturesScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'signatures:read', localId);
  }

  /** Members' signatures, newest first, within a scope from libs/access (signaturesScope). */
  readonly memberSignatures: ChildPages<SignatureEntity> = {
    first: (scope, memberIds, first) => this.petitions.firstMemberSignaturePages(scope, memberIds, first),
    after: (scope, memberId, args) => this.petitions.memberSignaturePage(scope, memberId, args),
  };

  /** The scope nested petitions (a signature's, a campaign's) and their counts read with, or null. */
  readScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'petitions:read', localId);
  }

  /** The petitions among `ids` within a scope from libs/access; the rest read as missing. */
  inScope(scope: Scope, ids: readonly string[]): Promise<PetitionEntity[]> {
    return this.petitions.findMany(scope, ids);
  }

  /** Counts from one aggregate, for petitions within a scope from libs/access. */
  signatureCounts(scope: Scope, petitionIds: readonly string[]): Promise<Map<string, number>> {
    return this.petitions.signatureCounts(scope, petitionIds);
  }

  /**
   * `byUnit` names a workplace's units and counts its members: workplace data. So it reads with
   * the viewer's `workplaces:read` scope, and is empty where `workplace(id)` would be null.
   */
  tallyScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'workplaces:read', localId);
  }

  unitTallies(scope: Scope, petitionIds: readonly string[]): Promise<UnitTallyRow[]> {
    return this.petitions.unitTallies(scope, petitionIds);
  }

  private async moveTo(
    ctx: RequestContext,
    id: string,
    to: PetitionStatus,
    action: string,
  ): Promise<PetitionEntity> {
    const scope = await this.access.requireRecord(ctx, 'petitions:manage', 'petition', id);
    const current = (await this.petitions.find(scope, id))!;
    assertMove(current.status, to);
    const stamp = to === OPEN ? 'opened_at' : to === DELIVERED ? 'delivered_at' : undefined;
    if (!(await this.petitions.move(scope, id, current.status, to, stamp))) {
      throw conflict('The petition changed meanwhile: load it again.', 'status');
    }
    await this.audit.recordIn(ctx, scope, action, { type: 'Petition', id });
    return (await this.petitions.find(scope, id))!;
  }
}
