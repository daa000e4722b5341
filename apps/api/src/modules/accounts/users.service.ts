import { Injectable } from '@nestjs/common';
import { unauthenticated } from '@juntos/common';
import { RequestContext } from '@juntos/auth';
import { UserEntity } from '@juntos/db';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  async me(ctx: RequestContext): Promise<UserEntity> {
    const user = await this.users.findById(ctx.actor.userId);
    if (!user) throw unauthenticated();
    return user;
  }

  /** For nested fields (an audit event's actor, a grant's user) whose parent the viewer may read. */
  byIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.users.findByIds(ids);
  }
}
