import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { lowerTrim, trim } from '../../../graphql/transforms';

export class LoginDto {
  @Transform(lowerTrim)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  // Length is checked loosely here: a wrong password must answer 401 like any other.
  @IsString()
  @Length(1, 1024)
  password: string;
}

export class RefreshDto {
  /** Left out by the web app, whose token is in the HttpOnly cookie. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  refreshToken?: string;
}

export class AcceptInvitationDto {
  @IsString()
  @Length(1, 200)
  token: string;

  @IsString()
  @Length(1, 1024)
  password: string;

  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters' })
  displayName: string;
}
