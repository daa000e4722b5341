import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { BY_NAME, conflict, Page, PageArgs, Role } from '@juntos/common';
import { Scope } from '@juntos/access';
import {
  KeysetColumns,
  keysetPage,
  RoleAssignmentEntity,
  RoleAssignmentWorkplaceEntity,
  TransactionHost,
} from '@juntos/db';

/** The most role assignments one user holds, in all locals together (migration RoleAssignmentCap). */
export const MAX_ROLES_PER_USER = 10;

/** The SQLSTATE the database raises for a grant over MAX_ROLES_PER_USER. */
const ROLE_CAP_EXCEEDED = 'JU010';

export interface AssignmentWithWorkplaces {
  assignment: RoleAssignmentEntity;
  workplaceIds: string[];
}

/** A grant with its user's display name, the list's sort key. */
interface NamedAssignment {
  assignment: RoleAssignmentEntity;
  displayName: string;
}

/** The local's people: by the user's display name, then the grant's id. */
const BY_DISPLAY_NAME: KeysetColumns<NamedAssignment> = {
  shape: BY_NAME,
  columns: ['p.display_name', 'p.id'],
  direction: 'ASC',
  key: (r) => [r.displayName, r.assignment.id],
};

const toNamedAssignment = (r: Record<string, unknown>): NamedAssignment => ({
  assignment: Object.assign(new RoleAssignmentEntity(), {
    id: r.id as string,
    localId: r.local_id as string,
    userId: r.user_id as string,
    role: r.role as Role,
    createdAt: r.created_at as Date,
  }),
  displayName: r.display_name as string,
});

@Injectable()
export class RolesRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Grants a role, or returns the existing grant. A steward's workplaces are replaced by the
   * given set. Every grant comes through here (grantRole, and both ways of accepting an
   * invitation), so a new grant over the user's cap is CONFLICT wherever it is made; the database
   * counts, since the request cannot see the user's grants in other locals.
   */
  async upsert(
    localId: string,
    userId: string,
    role: Role,
    workplaceIds: readonly string[],
  ): Promise<AssignmentWithWorkplaces> {
    const em = await this.tx.manager();
    try {
      await em.query(
        `insert into role_assignment (local_id, user_id, role) values ($1, $2, $3)
         on conflict (local_id, user_id, role) do nothing`,
        [localId, userId, role],
      );
    } catch (e) {
      if ((e as { driverError?: { code?: string } }).driverError?.code === ROLE_CAP_EXCEEDED)
        throw conflict(`This account already holds ${MAX_ROLES_PER_USER} roles: revoke one first.`);
      throw e;
    }
    const assignment = await em.findOneByOrFail(RoleAssignmentEntity, { localId, userId, role });
    if (role === Role.STEWARD) {
      await em.delete(RoleAssignmentWorkplaceEntity, { roleAssignmentId: assignment.id });
      if (workplaceIds.length) {
        await em.insert(
          RoleAssignmentWorkplaceEntity,
          workplaceIds.map((workplaceId) => ({ roleAssignmentId: assignment.id, workplaceId, localId })),
        );
      }
    }
    return { assignment, workplaceIds: role === Role.STEWARD ? [...workplaceIds] : [] };
  }

  async findInScope(scope: Scope, id: string): Promise<RoleAssignmentEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(RoleAssignmentEntity, { where: { id, localId: scope.localId } });
  }

  /** Locks the local's LOCAL_ADMIN grants, so two revocations cannot both remove "the other" admin. */
  async lockAdminsOf(scope: Scope): Promise<string[]> {
    const em = await this.tx.manager();
    const rows: { id: string }[] = await em.query(
      `select id from role_assignment where local_id = $1 and role = 'LOCAL_ADMIN' for update`,
      [scope.localId],
    );
    return rows.map((r) => r.id);
  }

  async delete(scope: Scope, id: string): Promise<void> {
    const em = await this.tx.manager();
    await em.delete(RoleAssignmentEntity, { id, localId: scope.localId });
  }

  /**
   * A page of the local's grants, ordered by the user's display name, then the grant's id, with
   * each steward grant's workplaces. The join sits in a subquery, so the page is a plain LIMIT.
   */
  async pageInLocal(scope: Scope, args: PageArgs): Promise<Page<AssignmentWithWorkplaces>> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder()
      .select(['p.id', 'p.local_id', 'p.user_id', 'p.role', 'p.created_at', 'p.display_name'])
      .from(
        (sq) =>
          sq
            .select(['ra.id as id', 'ra.local_id as local_id', 'ra.user_id as user_id', 'ra.role as role'])
            .addSelect(['ra.created_at as created_at', 'u.display_name as display_name'])
            .from('role_assignment', 'ra')
            .innerJoin('app_user', 'u', 'u.id = ra.user_id')
            .where('ra.local_id = :localId', { localId: scope.localId }),
        'p',
      );
    const page = await keysetPage(qb, BY_DISPLAY_NAME, args, async (q) =>
      (await q.getRawMany<Record<string, unknown>>()).map(toNamedAssignment),
    );
    const ids = page.nodes.map((n) => n.assignment.id);
    const links = ids.length
      ? await em.find(RoleAssignmentWorkplaceEntity, {
          where: { roleAssignmentId: In(ids), localId: scope.localId },
        })
      : [];
    return {
      ...page,
      nodes: page.nodes.map(({ assignment }) => ({
        assignment,
        workplaceIds: links.filter((l) => l.roleAssignmentId === assignment.id).map((l) => l.workplaceId),
      })),
    };
  }

  /** A user's grants in the given locals, with each steward grant's workplaces. */
  async listForUser(userId: string, localIds: readonly string[]): Promise<AssignmentWithWorkplaces[]> {
    if (!localIds.length) return [];
    const em = await this.tx.manager();
    const assignments = await em.find(RoleAssignmentEntity, {
      where: { userId, localId: In([...localIds]) },
      order: { createdAt: 'ASC' },
    });
    if (!assignments.length) return [];
    const links = await em.find(RoleAssignmentWorkplaceEntity, {
      where: { roleAssignmentId: In(assignments.map((a) => a.id)) },
    });
    return assignments.map((assignment) => ({
      assignment,
      workplaceIds: links.filter((l) => l.roleAssignmentId === assignment.id).map((l) => l.workplaceId),
    }));
  }
}
