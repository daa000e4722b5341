import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { isUuid } from '@juntos/common';
import { Actor } from './actor';
import { ActorRepository } from './actor.repository';
import { ACCESS_TOKEN_TTL_SECONDS } from './tokens';

/**
 * Verifies the bearer access token (HS256 only, expiry checked) and loads its subject as the Actor,
 * within its session.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: ConfigService,
    private readonly actors: ActorRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, which jsonwebtoken accepts though passport-jwt's types say string | Buffer.
      // Given either of those, it first tries (and fails) to parse it as a PEM public key on
      // every request, which cost a sixth of the API's CPU under load.
      secretOrKey: createSecretKey(
        Buffer.from(config.getOrThrow<string>('JWT_SECRET'), 'utf8'),
      ) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
      jsonWebTokenOptions: { maxAge: `${ACCESS_TOKEN_TTL_SECONDS}s` },
    });
  }

  /** A token without a live session (`sid`), including one issued before sessions, is refused. */
  async validate(payload: { sub?: unknown; sid?: unknown; typ?: unknown }): Promise<Actor | false> {
    const { typ, sub, sid } = payload;
    if (typ !== 'access' || typeof sub !== 'string' || !isUuid(sub)) return false;
    if (typeof sid !== 'string' || !isUuid(sid)) return false;
    return (await this.actors.load(sub, sid)) ?? false;
  }
}
