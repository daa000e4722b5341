import { Injectable } from '@nestjs/common';
import { AppError, badInput, notFound } from '@juntos/common';
import { TransactionHost } from '@juntos/db';
import { ApiScope, ApiTokenEntity } from '../api-tokens/api-token.entity';
import { ApiTokensService } from '../api-tokens/api-tokens.service';
import { AuditService } from '../audit/audit.service';
import { OsdiPage } from './osdi-paging';
import { tagId, taggingId } from './osdi-documents';
import { OsdiPaged, OsdiPersonRow, OsdiRepository } from './osdi.repository';

/** Who is calling: the token, and the address for the audit log. */
export interface OsdiCaller {
  secret: string | undefined;
  ip: string | null;
}

/** The refusals of a known token's call that its local's audit log keeps, by HTTP status (details are numbers). */
const REFUSALS: Partial<Record<string, number>> = {
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

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

  /**
   * Runs `fn` in the token's local, if the token is live and holds `scope`; audits the call, and
   * a known token's call refused with 403, 400, 404 or 409 as `{ refused: <status> }`.
   */
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
    // A missing or unknown token is not audited: it names no local whose log could hold the call.
    const record = (detail: Record<string, number>) =>
      this.audit.recordAs(
        { actorId: null, ip: caller.ip },
        { localId: token.localId, action, targetType: 'ApiToken', targetId: token.id, detail },
      );
    try {
      if (!token.scopes.includes(scope))
        throw new AppError('FORBIDDEN', `This token lacks the ${scope} scope.`);
      return await this.tx.system('osdi:exchange', async () => {
        await this.tx.scopeSystem({ localIds: [token.localId] });
        const { result, records } = await fn(token);
        await record({ records });
        return result;
      });
    } catch (error) {
      // A known token's refused call is audited too (what was tried, never the data), in its own
      // transaction, after the call's own was rolled back with everything it wrote.
      const refused = error instanceof AppError ? REFUSALS[error.code] : undefined;
      if (refused)
        await this.tx.system('osdi:exchange', async () => {
          await this.tx.scopeSystem({ localIds: [token.localId] });
          await record({ refused });
        });
      throw error;
    }
  }

  /** The token is checked even for the entry point, so nobody learns what a local exposes without one. */
  entry(caller: OsdiCaller): Promise<void> {
    return this.run(caller, ApiScope.OSDI_READ, 'osdi.read.entry', async () => ({
      result: undefined,
      records: 0,
    }));
  }

  /** A read with OSDI_READ, audited as `osdi.read.<what>` with how many records it returned. */
  private read<T>(
    caller: OsdiCaller,
    what: string,
    fn: (localId: string) => Promise<T>,
    count: (result: T) => number,
  ): Promise<T> {
    return this.run(caller, ApiScope.OSDI_READ, `osdi.read.${what}`, async (token) => {
      const result = await fn(token.localId);
      return { result, records: count(result) };
    });
  }

  private list<T>(caller: OsdiCaller, what: string, fn: (localId: string) => Promise<OsdiPaged<T>>) {
    return this.read(caller, what, fn, (r) => r.rows.length);
  }

  /** One record by its id: 400 for what is no id at all, 404 for one the local does not hold. */
  private single<T>(
    caller: OsdiCaller,
    what: string,
    noun: string,
    ids: string[],
    fn: (localId: string) => Promise<T | null>,
  ): Promise<T> {
    return this.read(
      caller,
      what,
      async (localId) => {
        checkIds(ids, noun);
        const row = await fn(localId);
        if (!row) throw notFound(noun);
        return row;
      },
      () => 1,
    );
  }

  /** A collection under a parent record, which must be of the local (else 404). */
  private nested<T>(
    caller: OsdiCaller,
    what: string,
    parent: { table: 'member' | 'petition' | 'event'; id: string; noun: string },
    fn: (localId: string) => Promise<OsdiPaged<T>>,
  ): Promise<OsdiPaged<T>> {
    return this.list(caller, what, async (localId) => {
      checkIds([parent.id], parent.noun);
      if (!(await this.repo.exists(parent.table, localId, parent.id))) throw notFound(parent.noun);
      return fn(localId);
    });
  }

  people(caller: OsdiCaller, p: OsdiPage): Promise<OsdiPaged<OsdiPersonRow>> {
    return this.list(caller, 'people', (localId) => this.repo.people(localId, p));
  }

  person(caller: OsdiCaller, id: string): Promise<OsdiPersonRow> {
    return this.single(caller, 'person', 'Person', [id], (localId) => this.repo.person(localId, id));
  }

  personSignatures(caller: OsdiCaller, id: string, p: OsdiPage) {
    return this.nested(caller, 'signatures', { table: 'member', id, noun: 'Person' }, (localId) =>
      this.repo.signatures(localId, { memberId: id }, p),
    );
  }

  personAttendances(caller: OsdiCaller, id: string, p: OsdiPage) {
    return this.nested(caller, 'attendances', { table: 'member', id, noun: 'Person' }, (localId) =>
      this.repo.attendances(localId, { memberId: id }, p),
    );
  }

  personTaggings(caller: OsdiCaller, id: string, p: OsdiPage) {
    return this.nested(caller, 'taggings', { table: 'member', id, noun: 'Person' }, (localId) =>
      this.repo.taggings(localId, { memberId: id }, p),
    );
  }

  petitions(caller: OsdiCaller, p: OsdiPage) {
    return this.list(caller, 'petitions', (localId) => this.repo.petitions(localId, p));
  }

  petition(caller: OsdiCaller, id: string) {
    return this.single(caller, 'petition', 'Petition', [id], (localId) => this.repo.petition(localId, id));
  }

  signatures(caller: OsdiCaller, petitionId: string, p: OsdiPage) {
    return this.nested(
      caller,
      'signatures',
      { table: 'petition', id: petitionId, noun: 'Petition' },
      (localId) => this.repo.signatures(localId, { petitionId }, p),
    );
  }

  signature(caller: OsdiCaller, petitionId: string, id: string) {
    return this.single(caller, 'signature', 'Signature', [petitionId, id], (localId) =>
      this.repo.signature(localId, petitionId, id),
    );
  }

  events(caller: OsdiCaller, p: OsdiPage) {
    return this.list(caller, 'events', (localId) => this.repo.events(localId, p));
  }

  event(caller: OsdiCaller, id: string) {
    return this.single(caller, 'event', 'Event', [id], (localId) => this.repo.event(localId, id));
  }

  attendances(caller: OsdiCaller, eventId: string, p: OsdiPage) {
    return this.nested(caller, 'attendances', { table: 'event', id: eventId, noun: 'Event' }, (localId) =>
      this.repo.attendances(localId, { eventId }, p),
    );
  }

  attendance(caller: OsdiCaller, eventId: string, id: string) {
    return this.single(caller, 'attendance', 'Attendance', [eventId, id], (localId) =>
      this.repo.attendance(localId, eventId, id),
    );
  }

  tags(caller: OsdiCaller, p: OsdiPage) {
    return this.list(caller, 'tags', (localId) => this.repo.tags(localId, p));
  }

  /** A tag's name from its id: the id is derived from the name (tagId), so the local's names are tried. */
  private async tagName(localId: string, id: string): Promise<string> {
    checkIds([id], 'Tag');
    const name = (await this.repo.tagNames(localId)).find((n) => tagId(localId, n) === id.toLowerCase());
    if (name === undefined) throw notFound('Tag');
    return name;
  }

  tag(caller: OsdiCaller, id: string) {
    return this.single(caller, 'tag', 'Tag', [id], async (localId) =>
      this.repo.tag(localId, await this.tagName(localId, id)),
    );
  }

  taggings(caller: OsdiCaller, id: string, p: OsdiPage) {
    return this.list(caller, 'taggings', async (localId) =>
      this.repo.taggings(localId, { tag: await this.tagName(localId, id) }, p),
    );
  }

  tagging(caller: OsdiCaller, id: string, taggingIdParam: string) {
    return this.single(caller, 'tagging', 'Tagging', [id, taggingIdParam], async (localId) => {
      const name = await this.tagName(localId, id);
      const tid = tagId(localId, name);
      const member = (await this.repo.tagMembers(localId, name)).find(
        (m) => taggingId(tid, m) === taggingIdParam.toLowerCase(),
      );
      return member === undefined ? null : this.repo.tagging(localId, name, member);
    });
  }
}

/** Every id in an OSDI address is a UUID: anything else is refused before the database sees it. */
function checkIds(ids: string[], noun: string): void {
  if (ids.some((id) => !UUID.test(id)))
    throw badInput(`That is not ${/^[AEIOU]/.test(noun) ? 'an' : 'a'} ${noun.toLowerCase()} id.`, 'id');
}
