import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { notFound } from '@juntos/common';
import { AccessService } from '@juntos/access';
import { hashOpaqueToken, RequestContext } from '@juntos/auth';
import { TransactionHost } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { ApiTokenEntity } from './api-token.entity';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokenInput } from './dto/api-token.inputs';

/** What a secret starts with, so a leaked one is recognisable (in a log, a repository scan). */
export const API_TOKEN_PREFIX = 'juntos_osdi_';

/** A LOCAL_ADMIN's keys for the OSDI interface of their local. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly access: AccessService,
    private readonly tokens: ApiTokensRepository,
    private readonly audit: AuditService,
    private readonly tx: TransactionHost,
  ) {}

  /** The secret is in the answer once; only its hash is stored. */
  async create(
    ctx: RequestContext,
    input: ApiTokenInput,
  ): Promise<{ token: ApiTokenEntity; secret: string }> {
    const scope = this.access.requireLocal(ctx, 'apiTokens:manage', input.localId);
    const secret = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const token = await this.tokens.insert(scope, {
      name: input.name,
      scopes: [...new Set(input.scopes)],
      secretHash: hashOpaqueToken(secret),
      createdBy: ctx.actor.userId,
    });
    await this.audit.recordIn(ctx, scope, 'api_token.create', { type: 'ApiToken', id: token.id });
    return { token, secret };
  }

  list(ctx: RequestContext, localId: string): Promise<ApiTokenEntity[]> {
    const scope = this.access.requireLocal(ctx, 'apiTokens:manage', localId);
    return this.tokens.list(scope);
  }

  /** Stops the token at once: its next request is refused. Revoking twice keeps the first time. */
  async revoke(ctx: RequestContext, id: string): Promise<ApiTokenEntity> {
    const scope = await this.access.requireRecord(ctx, 'apiTokens:manage', 'apiToken', id);
    await this.tokens.revoke(scope, id);
    const token = await this.tokens.find(scope, id);
    if (!token) throw notFound('API token');
    await this.audit.recordIn(ctx, scope, 'api_token.revoke', { type: 'ApiToken', id });
    return token;
  }

  /** The live token a secret names, or null: the OSDI interface's only way in. */
  authenticate(secret: string): Promise<ApiTokenEntity | null> {
    if (!secret.startsWith(API_TOKEN_PREFIX)) return Promise.resolve(null);
    return this.tx.system('osdi:authenticate', () => this.tokens.authenticate(hashOpaqueToken(secret)));
  }
}
