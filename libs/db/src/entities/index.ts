/**
 * The entity classes. Each feature module registers its own with TypeOrmModule.forFeature, so the
 * app's DataSource loads exactly the modules' entities; no shared list to edit here.
 */
// Column helpers, for entities that live in their feature module's folder.
export * from './columns';
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
