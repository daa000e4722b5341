import { Body, Controller, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { clientIp, Public } from '@juntos/auth';
import { AuthService, TokenPair } from './auth.service';
import { AcceptInvitationDto, LoginDto, RefreshDto } from './dto/auth.dto';
import {
  clearRefreshCookie,
  refreshTokenFromCookie,
  setRefreshCookie,
  wantsCookieOnly,
} from './refresh-cookie';

/** What a sign-in answers: the pair, without the refresh token for a client that keeps it in the cookie. */
type SignedIn = TokenPair | Omit<TokenPair, 'refreshToken'>;

/**
 * The only endpoints open to anonymous callers. Each sign-in also sets the refresh token as an
 * HttpOnly, SameSite=Strict cookie on /auth, for the web app; API clients use the JSON body.
 */
@Controller('auth')
@Public()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignedIn> {
    return signedIn(req, res, await this.auth.login(dto, clientIp(req), req.get('user-agent')));
  }

  /** With the token in the body (API clients), or else in the cookie (the web app). */
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Body() dto: RefreshDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignedIn> {
    const token = dto.refreshToken ?? refreshTokenFromCookie(req);
    if (!token) throw new UnauthorizedException('This session has ended. Sign in again.');
    try {
      return signedIn(req, res, await this.auth.refresh(token, clientIp(req)));
    } catch (e) {
      // A dead cookie is worth nothing to keep.
      if (e instanceof UnauthorizedException && !dto.refreshToken) clearRefreshCookie(req, res);
      throw e;
    }
  }

  /**
   * Always 204, whatever the body: a phone signing out must never be told to try again, and the
   * answer says nothing about the token. The token comes from the body or the cookie; the answer
   * clears the cookie and asks the browser to drop everything it holds for this site.
   */
  @Post('logout')
  @HttpCode(204)
  async logout(
    @Body() body: Record<string, unknown> | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const fromBody = body?.refreshToken;
    const token =
      typeof fromBody === 'string' && fromBody.length >= 1 && fromBody.length <= 200
        ? fromBody
        : refreshTokenFromCookie(req);
    if (token) await this.auth.logout(token, clientIp(req));
    clearRefreshCookie(req, res);
    res.setHeader('Clear-Site-Data', '"cache", "cookies", "storage"');
  }

  @Post('accept-invitation')
  @HttpCode(200)
  async acceptInvitation(
    @Body() dto: AcceptInvitationDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignedIn> {
    return signedIn(req, res, await this.auth.acceptInvitation(dto, clientIp(req), req.get('user-agent')));
  }
}

function signedIn(req: Request, res: Response, pair: TokenPair): SignedIn {
  setRefreshCookie(req, res, pair.refreshToken);
  if (!wantsCookieOnly(req)) return pair;
  const { refreshToken: _kept, ...rest } = pair;
  return rest;
}
