import {
  HttpException,
  HttpStatus,
  Injectable,
  UnauthorizedException,
  BadRequestException,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  burnPasswordCheck,
  hashOpaqueToken,
  hashPassword,
  newOpaqueToken,
  passwordProblem,
  REFRESH_TOKEN_TTL_DAYS,
  sessionUserAgent,
  verifyPassword,
} from '@juntos/auth';
import { TransactionHost } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { AttemptLock, AttemptsRepository } from './attempts.repository';
import { AcceptInvitationDto, LoginDto } from './dto/auth.dto';
import { InvitationsRepository } from './invitations.repository';
import { RolesRepository } from './roles.repository';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from './users.repository';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
export const IP_ATTEMPTS_PER_MINUTE = 30;
const DAY_MS = 24 * 3600 * 1000;
/** How long an ended or expired session (and its user agent) is kept, for mySessions and review. */
const DEAD_SESSION_KEPT_MS = 7 * DAY_MS;

/** The same body for an unknown email and a wrong password. */
const BAD_CREDENTIALS = 'Email or password is incorrect.';
/** The one answer for an unknown, used or expired invitation, and for an email that has an account. */
export const INVITATION_SPENT =
  'This invitation is invalid, used or expired. If you already have an account, sign in and accept it in the app.';
/** Attempts on an invitation are counted under its token, apart from any email's. */
export const invitationAttemptKey = (token: string): Buffer => hashOpaqueToken(`invitation\0${token}`);
const tooMany = (message: string) =>
  new HttpException({ statusCode: 429, message }, HttpStatus.TOO_MANY_REQUESTS);

type Outcome<T> = { ok: T } | { refuse: HttpException };

/**
 * Sign-in over REST. Each call is one named system transaction: the locals are not known yet.
 * Refusals are decided inside it but thrown after it commits, so the failed attempt is counted.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly invitations: InvitationsRepository,
    private readonly roles: RolesRepository,
    private readonly audit: AuditService,
    private readonly attempts: AttemptsRepository,
  ) {}

  async login(dto: LoginDto, ip: string, userAgent?: string): Promise<TokenPair> {
    return unwrap(
      await this.tx.system('auth:login', async (): Promise<Outcome<TokenPair>> => {
        const key = hashOpaqueToken(dto.email);
        // One attempt at a time per account and per address, until this transaction ends:
        // parallel guesses queue here instead of all reading "no lock yet".
        await this.attempts.serialize([AttemptLock.Account, key], [AttemptLock.Address, ip]);
        await this.attempts.prune(LOCKOUT_WINDOW_MS);
        await this.sessions.pruneDead(new Date(Date.now() - DEAD_SESSION_KEPT_MS), 200);
        if (
          (await this.sessions.attemptsFromIpSince(ip, new Date(Date.now() - 60_000))) >=
          IP_ATTEMPTS_PER_MINUTE
        ) {
          await this.sessions.recordAttempt(key, ip, 'refused');
          return {
            refuse: tooMany('Too many sign-in attempts from this address. Wait a minute and try again.'),
          };
        }
        const user = await this.users.findByEmail(dto.email);
        if (await this.sessions.lockedUntil(key)) {
          await this.sessions.recordAttempt(key, ip, 'refused');
          await this.audit.recordAs(
            { actorId: user?.id ?? null, ip },
            { localId: null, action: 'auth.login_locked' },
          );
          return { refuse: tooMany('Too many failed sign-ins for this account. Try again in 15 minutes.') };
        }
        // An unknown email costs the same hashing time as a wrong password.
        const ok = user
          ? await verifyPassword(user.passwordHash, dto.password)
          : (await burnPasswordCheck(dto.password), false);
        if (!user || !ok) {
          await this.sessions.recordAttempt(key, ip, 'failure');
          const failures = await this.sessions.failuresSince(key, new Date(Date.now() - LOCKOUT_WINDOW_MS));
          if (failures >= LOCKOUT_FAILURES)
            await this.sessions.lock(key, new Date(Date.now() + LOCKOUT_WINDOW_MS));
          await this.audit.recordAs(
            { actorId: user?.id ?? null, ip },
            { localId: null, action: 'auth.login_failed' },
          );
          return { refuse: new UnauthorizedException(BAD_CREDENTIALS) };
        }
        await this.sessions.recordAttempt(key, ip, 'success');
        await this.audit.recordAs({ actorId: user.id, ip }, { localId: null, action: 'auth.login' });
        return { ok: await this.issue(user.id, userAgent) };
      }),
    );
  }

  /**
   * Rotates within the token's session: the presented token stops working, and a rotated token
   * used again ends every session of the user. A token of an ended session is refused.
   */
  async refresh(refreshToken: string, ip: string): Promise<TokenPair> {
    return unwrap(
      await this.tx.system('auth:refresh', async (): Promise<Outcome<TokenPair>> => {
        const row = await this.sessions.findRefreshToken(hashOpaqueToken(refreshToken));
        const refused = { refuse: new UnauthorizedException('This session has ended. Sign in again.') };
        if (!row || row.expiresAt <= new Date()) return refused;
        if (row.revokedAt) {
          if (row.replacedBy) {
            await this.sessions.end(row.userId, 'all');
            await this.audit.recordAs(
              { actorId: row.userId, ip },
              { localId: null, action: 'auth.refresh_reused' },
            );
          }
          return refused;
        }
        const expiresAt = refreshTokenExpiry();
        if (!(await this.sessions.touchForRefresh(row.sessionId, expiresAt))) return refused;
        const { pair, refreshTokenId } = await this.issueWithId(row.userId, row.sessionId, expiresAt);
        await this.sessions.markRotated(row.id, refreshTokenId);
        return { ok: pair };
      }),
    );
  }

  /** Ends the token's session. Always succeeds: whether it was still live is nobody's business. */
  async logout(refreshToken: string, ip: string): Promise<void> {
    await this.tx.system('auth:logout', async () => {
      const row = await this.sessions.findRefreshToken(hashOpaqueToken(refreshToken));
      if (row && !row.revokedAt) {
        await this.sessions.end(row.userId, { only: row.sessionId });
        await this.audit.recordAs({ actorId: row.userId, ip }, { localId: null, action: 'auth.logout' });
      }
    });
  }

  /**
   * Creates the account of a person invited by email. It never touches an existing account: an
   * email that already has one answers exactly like a spent invitation (its owner accepts while
   * signed in, with the acceptInvitation mutation), so this path checks no password and tells
   * nobody whether an account exists. Attempts count per address and per token like sign-ins.
   * Single use, even under concurrency: attempts on one token run one at a time, and the
   * invitation is claimed by a conditional update.
   */
  async acceptInvitation(dto: AcceptInvitationDto, ip: string, userAgent?: string): Promise<TokenPair> {
    return unwrap(
      await this.tx.system('auth:accept-invitation', async (): Promise<Outcome<TokenPair>> => {
        const key = invitationAttemptKey(dto.token);
        await this.attempts.serialize([AttemptLock.Address, ip], [AttemptLock.Invitation, key]);
        await this.attempts.prune(LOCKOUT_WINDOW_MS);
        if (
          (await this.sessions.attemptsFromIpSince(ip, new Date(Date.now() - 60_000))) >=
          IP_ATTEMPTS_PER_MINUTE
        ) {
          await this.sessions.recordAttempt(key, ip, 'refused');
          return { refuse: tooMany('Too many attempts from this address. Wait a minute and try again.') };
        }
        if (await this.sessions.lockedUntil(key)) {
          await this.sessions.recordAttempt(key, ip, 'refused');
          return { refuse: tooMany('Too many attempts with this invitation. Try again in 15 minutes.') };
        }
        const spent = async (): Promise<Outcome<TokenPair>> => {
          await this.sessions.recordAttempt(key, ip, 'failure');
          const failures = await this.sessions.failuresSince(key, new Date(Date.now() - LOCKOUT_WINDOW_MS));
          if (failures >= LOCKOUT_FAILURES)
            await this.sessions.lock(key, new Date(Date.now() + LOCKOUT_WINDOW_MS));
          return { refuse: new BadRequestException(INVITATION_SPENT) };
        };
        const invitation = await this.invitations.findOpenByTokenHash(hashOpaqueToken(dto.token));
        if (!invitation) return spent();
        // From here on, row-level security holds this path to the invitation's local.
        await this.tx.scopeSystem({ localIds: [invitation.localId] });
        const problem = passwordProblem(dto.password, invitation.email);
        if (problem) {
          await this.sessions.recordAttempt(key, ip, 'refused');
          return { refuse: new BadRequestException(problem) };
        }
        if (await this.users.findByEmail(invitation.email)) return spent();
        // Null when another invitation to the same email created the account a moment ago.
        const user = await this.users.insertIfAbsent({
          email: invitation.email,
          displayName: dto.displayName,
          passwordHash: await hashPassword(dto.password),
          isPlatformAdmin: false,
        });
        if (!user) return spent();
        // Attempts on one token are serialized, so this holds; if it ever did not, throwing rolls
        // the new account back with it.
        if (!(await this.invitations.claim(invitation.id))) throw new BadRequestException(INVITATION_SPENT);
        await this.sessions.recordAttempt(key, ip, 'success');
        const granted = await this.roles.upsert(
          invitation.localId,
          user.id,
          invitation.role,
          invitation.workplaceIds,
        );
        const who = { actorId: user.id, ip };
        await this.audit.recordAs(who, {
          localId: invitation.localId,
          action: 'invitation.accept',
          targetType: 'Invitation',
          targetId: invitation.id,
        });
        await this.audit.recordAs(who, {
          localId: invitation.localId,
          action: 'role.grant',
          targetType: 'RoleAssignment',
          targetId: granted.assignment.id,
        });
        return { ok: await this.issue(user.id, userAgent) };
      }),
    );
  }

  /** A sign-in: a new session, and its first pair of tokens. */
  private async issue(userId: string, userAgent: string | undefined): Promise<TokenPair> {
    const expiresAt = refreshTokenExpiry();
    const session = await this.sessions.insertSession(userId, sessionUserAgent(userAgent), expiresAt);
    return (await this.issueWithId(userId, session.id, expiresAt)).pair;
  }

  /** The access token names its session (`sid`): the Actor load refuses it once the session ends. */
  private async issueWithId(
    userId: string,
    sessionId: string,
    expiresAt: Date,
  ): Promise<{ pair: TokenPair; refreshTokenId: string }> {
    const refreshToken = newOpaqueToken();
    const row = await this.sessions.insertRefreshToken(
      userId,
      sessionId,
      hashOpaqueToken(refreshToken),
      expiresAt,
    );
    const accessToken = await this.jwt.signAsync({ sub: userId, sid: sessionId, typ: 'access' });
    return {
      pair: { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, tokenType: 'Bearer' },
      refreshTokenId: row.id,
    };
  }
}

const refreshTokenExpiry = () => new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * DAY_MS);

function unwrap<T>(outcome: Outcome<T>): T {
  if ('refuse' in outcome) throw outcome.refuse;
  return outcome.ok;
}
