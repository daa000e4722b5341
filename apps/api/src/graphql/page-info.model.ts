import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageCount } from '@juntos/common';

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

/** A keyset-paginated list: `class XConnection extends Connection(X) {}`. */
export function Connection<T>(item: Type<T>) {
  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [item]) nodes: T[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    /** Counted when the field resolves, or not at all where the request did not select it. */
    @Field(() => Int) totalCount: PageCount;
  }
  return ConnectionType;
}
