/** Domain enums shared by the database, the access table and the GraphQL schema. */
export enum Role {
  LOCAL_ADMIN = 'LOCAL_ADMIN',
  ORGANIZER = 'ORGANIZER',
  STEWARD = 'STEWARD',
  BOARD_MEMBER = 'BOARD_MEMBER',
}

export enum LocalKind {
  UNION_LOCAL = 'UNION_LOCAL',
  TENANT_UNION = 'TENANT_UNION',
}

export enum WorkplaceKind {
  WORKSITE = 'WORKSITE',
  BUILDING = 'BUILDING',
}

// Scope, what a repository may see, lives in libs/access: only it may make one (scope.ts).

export enum DecisionBody {
  EXECUTIVE_BOARD = 'EXECUTIVE_BOARD',
  GENERAL_MEMBERSHIP = 'GENERAL_MEMBERSHIP',
  DELEGATE_COUNCIL = 'DELEGATE_COUNCIL',
  TENANT_ASSEMBLY = 'TENANT_ASSEMBLY',
}

export enum CampaignStage {
  DRAFTING = 'DRAFTING',
  BUILDING_SUPPORT = 'BUILDING_SUPPORT',
  INTRODUCED = 'INTRODUCED',
  VOTED = 'VOTED',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  IMPLEMENTED = 'IMPLEMENTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum PetitionStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  DELIVERED = 'DELIVERED',
  WON = 'WON',
  LOST = 'LOST',
  CLOSED = 'CLOSED',
}

export enum SignatureMethod {
  PAPER = 'PAPER',
  DIGITAL = 'DIGITAL',
  VERBAL = 'VERBAL',
}

export enum ConversationChannel {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  VIDEO = 'VIDEO',
  TEXT = 'TEXT',
}

export enum MembershipStatus {
  PROSPECT = 'PROSPECT',
  MEMBER = 'MEMBER',
  NON_MEMBER = 'NON_MEMBER',
  FORMER = 'FORMER',
}
