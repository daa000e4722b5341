import { loaderFor } from '../../graphql/loaders';
import { MembersService } from './members.service';
import { Member } from './models/member.model';

/** A nested `member` field (of a conversation, a signature), batched per request. */
export async function loadMember(req: object, members: MembersService, id: string): Promise<Member> {
  const m = await loaderFor(req, 'member.byId', async (ids: readonly string[]) => {
    const rows = await members.byIds(ids);
    return ids.map((i) => rows.find((r) => r.id === i)!);
  }).load(id);
  return Member.from(m);
}
