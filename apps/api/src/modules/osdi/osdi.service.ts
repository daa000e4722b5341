import { Injectable } from '@nestjs/common';
import { AppError, badInput, notFound } from '@juntos/common';
import { TransactionHost } from '@juntos/db';
import { ApiScope, ApiTokenEntity } from '../api-tokens/api-token.entity';
import { ApiTokensService } from '../api-tokens/api-tokens.service';
import { AuditService } from '../audit/audit.service';
import { OsdiPage } from './osdi-paging';
import { OsdiPersonRow, OsdiRepository } from './osdi.repository';

/** Who is calling: the token, and the address for the audit log. */
export interface OsdiCaller {
  secret: string | undefined;
  ip: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The OSDI interface: every call names its token, which is checked first, then scopes the work
 * to the token's local and is audited with what it touched (a count, never the data).
 */
@Injectable()
export class OsdiService {
  constructor(
    private readonly tokens: ApiTokensService,
    private readonly repo: OsdiRepository,
    private readonly audit: AuditService,
    private readonly tx: TransactionHost,
  ) {}

  /** Runs `fn` in the token's local, if the token is live and holds `scope`; audits the call. */
  async run<T>(
    caller: OsdiCaller,
    scope: ApiScope,
    action: string,
    fn: (token: ApiTokenEntity) => Promise<{ result: T; records: number }>,
  ): Promise<T> {
    if (!caller.secret)
      throw new AppError('UNAUTHENTICATED', 'Send the API token in the OSDI-API-Token header.');
    const token = await this.tokens.authenticate(caller.secret);
    if (!token) throw new AppError('UNAUTHENTICATED', 'The API token is unknown or revoked.');
    if (!token.scopes.includes(scope))
      throw new AppError('FORBIDDEN', `This token lacks the ${scope} scope.`);
    return this.tx.system('osdi:exchange', async () => {
      await this.tx.scopeSystem({ localIds: [token.localId] });
      const { result, records } = await fn(token);
      await this.audit.recordAs(
        { actorId: null, ip: caller.ip },
        { localId: token.localId, action, targetType: 'ApiToken', targetId: token.id, detail: { records } },
      );
      return result;
    });
  }

  /** The token is checked even for the entry point, so nobody learns what a local exposes without one. */
  entry(caller: OsdiCaller): Promise<void> {
    return this.run(caller, ApiScope.OSDI_READ, 'osdi.read.entry', async () => ({
      result: undefined,
      records: 0,
    }));
  }

  people(caller: OsdiCaller, p: OsdiPage): Promise<{ rows: OsdiPersonRow[]; total: number }> {
    return this.run(caller, ApiScope.OSDI_READ, 'osdi.read.people', async (token) => {
      const result = await this.repo.people(token.localId, p);
      return { result, records: result.rows.length };
    });
  }

  person(caller: OsdiCaller, id: string): Promise<OsdiPersonRow> {
    return this.run(caller, ApiScope.OSDI_READ, 'osdi.read.person', async (token) => {
      if (!UUID.test(id)) throw badInput('That is not a person id.', 'id');
      const row = await this.repo.person(token.localId, id);
      if (!row) throw notFound('Person');
      return { result: row, records: 1 };
    });
  }
}
