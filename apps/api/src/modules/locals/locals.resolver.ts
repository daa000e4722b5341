import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { LIST_MAX, listCost } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { CreateLocalInput } from './dto/create-local.input';
import { LocalsService } from './locals.service';
import { Local } from './models/local.model';

@Resolver(() => Local)
export class LocalsResolver {
  constructor(private readonly localsService: LocalsService) {}

  @Mutation(() => Local)
  @Authorize('platform:admin')
  async createLocal(@Ctx() ctx: RequestContext, @Args('input') input: CreateLocalInput): Promise<Local> {
    return Local.from(await this.localsService.create(ctx, input));
  }

  @Query(() => [Local], {
    complexity: listCost(LIST_MAX.locals),
    description: 'Locals the viewer holds a role in; every local for a platform admin.',
  })
  @Authorize('self')
  async locals(@Ctx() ctx: RequestContext): Promise<Local[]> {
    return (await this.localsService.list(ctx)).map(Local.from);
  }

  @Query(() => Local, { nullable: true })
  @Authorize('self')
  async local(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Local | null> {
    const local = await this.localsService.get(ctx, id);
    return local ? Local.from(local) : null;
  }
}
