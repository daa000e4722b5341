import { Global, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ActorRepository } from './actor.repository';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';

@Global()
@Module({
  imports: [PassportModule.register({ session: false })],
  providers: [ActorRepository, JwtStrategy, JwtAuthGuard],
  exports: [JwtAuthGuard],
})
export class AuthModule {}
