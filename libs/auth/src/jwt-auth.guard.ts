import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { requestOf } from './decorators';

/**
 * Runs passport's JWT strategy without throwing: the access guard decides what an anonymous
 * caller may reach. The Actor (or null) is kept on the request, so it is built once per request.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  override getRequest(ctx: ExecutionContext) {
    return requestOf(ctx);
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    // A bad or missing token is `user: false`. An error is a failure while loading the Actor
    // (the database is down): the caller is not thereby signed out, so it propagates.
    if (err) throw err;
    return (user || null) as T;
  }
}
