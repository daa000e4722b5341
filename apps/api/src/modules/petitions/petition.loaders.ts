import { notFound, Page } from '@juntos/common';
import { RequestContext } from '@juntos/auth';
import { SignatureEntity } from '@juntos/db';
import { Scope } from '@juntos/access';
import { countByKey, loadAll, loaderFor, rowByKey, rowsByKey, scopedLoader } from '../../graphql/loaders';
import { prefetched } from '../../graphql/prefetch';
import { selectsPath } from '../../graphql/selection';
import type { GraphQLResolveInfo } from 'graphql';
import { Unit } from '../workplaces/models/workplace.model';
import { Petition, UnitTally } from './models/petition.model';
import { progressOf } from './petition-rules';
import { PetitionsService } from './petitions.service';

/**
 * Nested petition fields, batched per request and read with the viewer's scope in the petition's
 * local, so a list of petitions (or of signatures, or of campaigns) costs the same statements as
 * one, and shows what the root query would.
 */

/** A petition by id (a signature's, a campaign's): NOT_FOUND where `petition(id)` would be null. */
export async function loadPetition(
  req: object,
  ctx: RequestContext,
  petitions: PetitionsService,
  localId: string,
  id: string,
): Promise<Petition | null> {
  const scope = petitions.readScope(ctx, localId);
  if (!scope) return null;
  const batch = rowByKey('id', (ids, s) => petitions.inScope(s, ids));
  const p = await scopedLoader(req, 'petition.byId', scope, batch).load(id);
  return p ? Petition.from(p) : null;
}

export async function requirePetition(
  req: object,
  ctx: RequestContext,
  petitions: PetitionsService,
  localId: string,
  id: string,
): Promise<Petition> {
  const p = await loadPetition(req, ctx, petitions, localId, id);
  if (!p) throw notFound('Petition');
  return p;
}

/** A petition's signature count, batched per request into one aggregate. */
export async function loadSignatureCount(
  req: object,
  ctx: RequestContext,
  petitions: PetitionsService,
  localId: string,
  petitionId: string,
): Promise<number> {
  const scope = petitions.readScope(ctx, localId);
  if (!scope) return 0;
  return signatureCountLoader(req, petitions, scope).load(petitionId);
}

const signatureCountLoader = (req: object, petitions: PetitionsService, scope: Scope) =>
  scopedLoader(
    req,
    'petition.signatureCount',
    scope,
    countByKey((ids, s) => petitions.signatureCounts(s, ids)),
  );

/**
 * Gives a list of one local's petitions their `signatureCount` and `progress` ahead of their
 * fields (graphql/prefetch.ts) when the request selects one of them under `path`, through the
 * fields' own loader: one read for the list. Only where
 * the viewer holds `petitions:read` in the local, as those fields' guards require; elsewhere the
 * fields run, and refuse, as before.
 */
export async function prefetchSignatureCounts(
  req: object,
  ctx: RequestContext,
  petitions: PetitionsService,
  localId: string,
  rows: readonly Petition[],
  info: GraphQLResolveInfo,
  path: readonly string[],
): Promise<void> {
  const scope = petitions.readScope(ctx, localId);
  const selected = ['signatureCount', 'progress'].some((f) => selectsPath(info, [...path, f]));
  if (!scope || !rows.length || !selected) return;
  const counts = await loadAll(
    signatureCountLoader(req, petitions, scope),
    rows.map((p) => p.id),
  );
  rows.forEach((p, i) => {
    const count = counts[i];
    prefetched(p, 'signatureCount', count);
    prefetched(p, 'progress', progressOf(count, p.goal));
  });
}

/** Each unit's members and signatures, for petitions whose workplace the viewer reads; else empty. */
export async function loadUnitTallies(
  req: object,
  ctx: RequestContext,
  petitions: PetitionsService,
  p: Petition,
): Promise<UnitTally[]> {
  if (!p.workplaceId) return [];
  const scope = petitions.tallyScope(ctx, p.localId);
  if (!scope) return [];
  const batch = rowsByKey(
    'petitionId',
    (ids, s) => petitions.unitTallies(s, ids),
    (r) => ({
      unit: Object.assign(new Unit(), { id: r.unitId, name: r.unitName }),
      members: r.members,
      signed: r.signed,
    }),
  );
  return scopedLoader(req, 'petition.byUnit', scope, batch).load(p.id);
}

/**
 * The first page of a petition's signatures: the first pages of a whole list of petitions batch
 * into two statements. The service checks `signatures:read` (FORBIDDEN for a board member).
 */
export function loadFirstSignatures(
  req: object,
  ctx: RequestContext,
  petitions: PetitionsService,
  p: Petition,
  first?: number | null,
): Promise<Page<SignatureEntity>> {
  return loaderFor(req, `petition.signatures:${p.localId}:${first ?? ''}`, (ids: readonly string[]) =>
    petitions.firstSignaturePages(ctx, p.localId, ids, first),
  ).load(p.id);
}
