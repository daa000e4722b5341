import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { clientIp, Public } from '@juntos/auth';
import { AuthService, TokenPair } from './auth.service';
import { AcceptInvitationDto, LoginDto, RefreshDto } from './dto/auth.dto';

/** The only endpoints open to anonymous callers. */
@Controller('auth')
@Public()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<TokenPair> {
    return this.auth.login(dto, clientIp(req), req.get('user-agent'));
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto, @Req() req: Request): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken, clientIp(req));
  }

  /**
   * Always 204, whatever the body: a phone signing out must never be told to try again, and the
   * answer says nothing about the token. A body without a usable refresh token ends nothing.
   */
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: Record<string, unknown> | undefined, @Req() req: Request): Promise<void> {
    const token = body?.refreshToken;
    if (typeof token === 'string' && token.length >= 1 && token.length <= 200) {
      await this.auth.logout(token, clientIp(req));
    }
  }

  @Post('accept-invitation')
  @HttpCode(200)
  acceptInvitation(@Body() dto: AcceptInvitationDto, @Req() req: Request): Promise<TokenPair> {
    return this.auth.acceptInvitation(dto, clientIp(req), req.get('user-agent'));
  }
}
