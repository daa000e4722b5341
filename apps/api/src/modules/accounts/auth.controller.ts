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

  @Post('logout')
  @HttpCode(204)
  async logout(@Body() dto: RefreshDto, @Req() req: Request): Promise<void> {
    await this.auth.logout(dto.refreshToken, clientIp(req));
  }

  @Post('accept-invitation')
  @HttpCode(200)
  acceptInvitation(@Body() dto: AcceptInvitationDto, @Req() req: Request): Promise<TokenPair> {
    return this.auth.acceptInvitation(dto, clientIp(req), req.get('user-agent'));
  }
}
