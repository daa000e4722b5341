import { Injectable } from '@nestjs/common';
import { RequestContext } from '@juntos/auth';
import { LocalEntity, TransactionHost } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { CreateLocalInput } from './dto/create-local.input';
import { LocalsRepository } from './locals.repository';

@Injectable()
export class LocalsService {
  constructor(
    private readonly locals: LocalsRepository,
    private readonly audit: AuditService,
    private readonly tx: TransactionHost,
  ) {}

  /**
   * Platform admin only (checked by the guard); creating a local grants them nothing inside it.
   * A named system path, scoped to the new local just long enough to log its first audit event.
   */
  create(ctx: RequestContext, input: CreateLocalInput): Promise<LocalEntity> {
    return this.tx.system('platform:create-local', async () => {
      const local = await this.locals.insert(input.name, input.kind);
      await this.tx.scopeSystem({ localIds: [local.id] });
      await this.audit.recordIn(ctx, local.id, 'local.create', { type: 'Local', id: local.id });
      return local;
    });
  }

  /** The locals the viewer holds a role in; every local for a platform admin. */
  list(ctx: RequestContext): Promise<LocalEntity[]> {
    if (ctx.actor.isPlatformAdmin) return this.locals.listAllForPlatformAdmin();
    return this.locals.findByIds(ctx.actor.localIds);
  }

  /** Null when the viewer holds no role there, exactly as when it does not exist. */
  async get(ctx: RequestContext, id: string): Promise<LocalEntity | null> {
    if (!ctx.actor.isPlatformAdmin && !ctx.actor.grantIn(id)) return null;
    const [local] = await this.locals.findByIds([id]);
    return local ?? null;
  }

  /** For the platform admin's invitations into a local where they hold no role. */
  async existsForPlatformAdmin(id: string): Promise<boolean> {
    return (await this.locals.findByIds([id])).length > 0;
  }

  /** For nested `local` fields: those of `ids` that `local(id)` would show this viewer. */
  async visibleByIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, LocalEntity>> {
    const rows = await this.locals.findByIds(
      ids.filter((id) => ctx.actor.isPlatformAdmin || ctx.actor.grantIn(id)),
    );
    return new Map(rows.map((l) => [l.id, l]));
  }
}
