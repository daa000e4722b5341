import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { listCost } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { User } from '../accounts/models/user.model';
import { loadUser } from '../accounts/user.loader';
import { UsersService } from '../accounts/users.service';
import { loadLocal } from '../locals/local.loader';
import { LocalsService } from '../locals/locals.service';
import { Local } from '../locals/models/local.model';
import { API_TOKENS_LISTED } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { ApiTokenInput } from './dto/api-token.inputs';
import { ApiToken } from './models/api-token.model';

@Resolver(() => ApiToken)
export class ApiTokensResolver {
  constructor(
    private readonly tokens: ApiTokensService,
    private readonly users: UsersService,
    private readonly locals: LocalsService,
  ) {}

  @Query(() => [ApiToken], {
    description: 'LOCAL_ADMIN only. Oldest first, revoked ones included; the first 100.',
    complexity: listCost(API_TOKENS_LISTED),
  })
  @Authorize('apiTokens:manage')
  async apiTokens(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
  ): Promise<ApiToken[]> {
    return (await this.tokens.list(ctx, localId)).map((t) => ApiToken.from(t));
  }

  @Mutation(() => ApiToken, { description: 'The answer carries the secret, once.' })
  @Authorize('apiTokens:manage')
  async createApiToken(@Ctx() ctx: RequestContext, @Args('input') input: ApiTokenInput): Promise<ApiToken> {
    const { token, secret } = await this.tokens.create(ctx, input);
    return ApiToken.from(token, secret);
  }

  @Mutation(() => ApiToken, { description: 'Stops the token at once.' })
  @Authorize('apiTokens:manage')
  async revokeApiToken(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<ApiToken> {
    return ApiToken.from(await this.tokens.revoke(ctx, id));
  }

  @ResolveField(() => Local)
  @Authorize('apiTokens:manage')
  local(@Ctx() ctx: RequestContext, @Parent() t: ApiToken, @Context('req') req: object): Promise<Local> {
    return loadLocal(req, ctx, this.locals, t.localId);
  }

  @ResolveField(() => User)
  @Authorize('apiTokens:manage')
  async createdBy(@Parent() t: ApiToken, @Context('req') req: object): Promise<User> {
    return (await loadUser(req, this.users, t.createdById))!;
  }
}
