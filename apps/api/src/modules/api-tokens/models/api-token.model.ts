import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiScope, ApiTokenEntity } from '../api-token.entity';

registerEnumType(ApiScope, { name: 'ApiScope' });

@ObjectType({
  description: "A key for the local's OSDI interface at /osdi/v1/, sent in the OSDI-API-Token header.",
})
export class ApiToken {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => [ApiScope]) scopes: ApiScope[];
  @Field(() => String, {
    nullable: true,
    description: 'Shown once, in the createApiToken answer; only a hash is kept.',
  })
  secret: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  /** Not in the schema: resolve `local` and `createdBy`. */
  localId: string;
  createdById: string;

  static from(e: ApiTokenEntity, secret: string | null = null): ApiToken {
    return Object.assign(new ApiToken(), {
      id: e.id,
      name: e.name,
      scopes: e.scopes,
      secret,
      createdAt: e.createdAt,
      lastUsedAt: e.lastUsedAt,
      revokedAt: e.revokedAt,
      localId: e.localId,
      createdById: e.createdBy,
    });
  }
}
