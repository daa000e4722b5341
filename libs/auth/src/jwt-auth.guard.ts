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

  override handleRequest<T>(_err: unknown, user: T | false): T {
    return (user || null) as T;
  }
}
