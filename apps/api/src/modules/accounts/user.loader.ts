import { loaderFor } from '../../graphql/loaders';
import { User } from './models/user.model';
import { UsersService } from './users.service';

/**
 * A nested user (an audit event's actor, a grant's user, a conversation's steward, a
 * signature's collector, a stage change's author), batched per request into one query.
 */
export async function loadUser(req: object, users: UsersService, id: string): Promise<User | null> {
  const u = await loaderFor(req, 'user.byId', async (ids: readonly string[]) => {
    const rows = await users.byIds(ids);
    return ids.map((i) => rows.find((r) => r.id === i) ?? null);
  }).load(id);
  return u ? User.from(u) : null;
}
