import {
  AccountLockEntity,
  LoginAttemptEntity,
  RefreshTokenEntity,
  SessionEntity,
} from './auth-state.entity';
import { AuditEventEntity } from './audit-event.entity';
import { InvitationEntity } from './invitation.entity';
import { LocalEntity } from './local.entity';
import { MemberEntity } from './member.entity';
import { OneOnOneEntity } from './one-on-one.entity';
import { PetitionEntity, SignatureEntity } from './petition.entity';
import {
  CampaignEntity,
  CampaignPetitionEntity,
  CampaignStageChangeEntity,
  MilestoneEntity,
} from './campaign.entity';
import { RoleAssignmentEntity, RoleAssignmentWorkplaceEntity } from './role-assignment.entity';
import { UserEntity } from './user.entity';
import { UnitEntity, WorkplaceEntity } from './workplace.entity';

export * from './auth-state.entity';
export * from './audit-event.entity';
export * from './invitation.entity';
export * from './local.entity';
export * from './member.entity';
export * from './one-on-one.entity';
export * from './petition.entity';
export * from './campaign.entity';
export * from './role-assignment.entity';
export * from './user.entity';
export * from './workplace.entity';

/** Listed explicitly: no globs, so the app, the tests and the CLI load the same set. */
export const ENTITIES = [
  LocalEntity,
  UserEntity,
  RoleAssignmentEntity,
  RoleAssignmentWorkplaceEntity,
  WorkplaceEntity,
  UnitEntity,
  InvitationEntity,
  SessionEntity,
  RefreshTokenEntity,
  LoginAttemptEntity,
  AccountLockEntity,
  AuditEventEntity,
  MemberEntity,
  OneOnOneEntity,
  PetitionEntity,
  SignatureEntity,
  CampaignEntity,
  CampaignStageChangeEntity,
  MilestoneEntity,
  CampaignPetitionEntity,
];
