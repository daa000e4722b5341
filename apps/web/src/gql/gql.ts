/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      roles {\n        id\n        role\n        local {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment MemberCardFields on Member {\n    id\n    firstName\n    preferredName\n    supportLevel\n    lastContactAt\n    unit {\n      id\n      name\n    }\n  }\n": typeof types.MemberCardFieldsFragmentDoc,
    "\n  query MemberPage($id: ID!) {\n    member(id: $id) {\n      id\n      firstName\n      lastName\n      preferredName\n      phone\n      email\n      preferredLanguage\n      supportLevel\n      lastContactAt\n      workplace {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n      oneOnOnes(first: 50) {\n        totalCount\n        nodes {\n          id\n          occurredAt\n          channel\n          supportLevel\n          issues\n          notes\n          nextStep\n          followUpAt\n          followUpDoneAt\n          steward {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.MemberPageDocument,
    "\n  query FindMember($localId: ID!, $search: String!, $workplaceId: ID) {\n    members(localId: $localId, first: 8, filter: { search: $search, workplaceId: $workplaceId }) {\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.FindMemberDocument,
    "\n  query MembersPage($localId: ID!, $filter: MemberFilter, $after: String, $first: Int) {\n    members(localId: $localId, filter: $filter, after: $after, first: $first) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...MemberCardFields\n      }\n    }\n  }\n": typeof types.MembersPageDocument,
    "\n  query MyWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MyWorkplacesDocument,
    "\n  query UnitsOf($id: ID!) {\n    workplace(id: $id) {\n      id\n      units {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UnitsOfDocument,
    "\n  query LogSetup($localId: ID!) {\n    recentIssues(localId: $localId, first: 12)\n  }\n": typeof types.LogSetupDocument,
    "\n  mutation LogOneOnOne($input: LogOneOnOneInput!) {\n    logOneOnOne(input: $input) {\n      id\n      occurredAt\n      supportLevel\n      followUpAt\n      member {\n        id\n        firstName\n        preferredName\n        supportLevel\n        lastContactAt\n      }\n    }\n  }\n": typeof types.LogOneOnOneDocument,
    "\n  query CollectPetition($id: ID!) {\n    petition(id: $id) {\n      id\n      title\n      demand\n      target\n      status\n      goal\n      signatureCount\n      workplace {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CollectPetitionDocument,
    "\n  mutation AddSignature($input: AddSignatureInput!) {\n    addSignature(input: $input) {\n      id\n      signedAt\n      petition {\n        id\n        signatureCount\n        progress\n      }\n    }\n  }\n": typeof types.AddSignatureDocument,
    "\n  query OpenPetitions($localId: ID!) {\n    petitions(localId: $localId, status: OPEN, first: 50) {\n      nodes {\n        id\n        title\n        target\n        goal\n        signatureCount\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.OpenPetitionsDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      current\n      createdAt\n      lastUsedAt\n      userAgent\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": typeof types.EndSessionDocument,
    "\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n": typeof types.EndOtherSessionsDocument,
    "\n  query Today($localId: ID!, $since: DateTime!) {\n    myFollowUps(localId: $localId, first: 50) {\n      id\n      followUpAt\n      nextStep\n      member {\n        ...MemberCardFields\n      }\n    }\n    members(localId: $localId, first: 20, filter: { notContactedSince: $since }) {\n      totalCount\n      nodes {\n        ...MemberCardFields\n      }\n    }\n  }\n": typeof types.TodayDocument,
    "\n  mutation CompleteFollowUp($id: ID!) {\n    completeFollowUp(id: $id) {\n      id\n      followUpDoneAt\n    }\n  }\n": typeof types.CompleteFollowUpDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      roles {\n        id\n        role\n        local {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  fragment MemberCardFields on Member {\n    id\n    firstName\n    preferredName\n    supportLevel\n    lastContactAt\n    unit {\n      id\n      name\n    }\n  }\n": types.MemberCardFieldsFragmentDoc,
    "\n  query MemberPage($id: ID!) {\n    member(id: $id) {\n      id\n      firstName\n      lastName\n      preferredName\n      phone\n      email\n      preferredLanguage\n      supportLevel\n      lastContactAt\n      workplace {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n      oneOnOnes(first: 50) {\n        totalCount\n        nodes {\n          id\n          occurredAt\n          channel\n          supportLevel\n          issues\n          notes\n          nextStep\n          followUpAt\n          followUpDoneAt\n          steward {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.MemberPageDocument,
    "\n  query FindMember($localId: ID!, $search: String!, $workplaceId: ID) {\n    members(localId: $localId, first: 8, filter: { search: $search, workplaceId: $workplaceId }) {\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.FindMemberDocument,
    "\n  query MembersPage($localId: ID!, $filter: MemberFilter, $after: String, $first: Int) {\n    members(localId: $localId, filter: $filter, after: $after, first: $first) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...MemberCardFields\n      }\n    }\n  }\n": types.MembersPageDocument,
    "\n  query MyWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.MyWorkplacesDocument,
    "\n  query UnitsOf($id: ID!) {\n    workplace(id: $id) {\n      id\n      units {\n        id\n        name\n      }\n    }\n  }\n": types.UnitsOfDocument,
    "\n  query LogSetup($localId: ID!) {\n    recentIssues(localId: $localId, first: 12)\n  }\n": types.LogSetupDocument,
    "\n  mutation LogOneOnOne($input: LogOneOnOneInput!) {\n    logOneOnOne(input: $input) {\n      id\n      occurredAt\n      supportLevel\n      followUpAt\n      member {\n        id\n        firstName\n        preferredName\n        supportLevel\n        lastContactAt\n      }\n    }\n  }\n": types.LogOneOnOneDocument,
    "\n  query CollectPetition($id: ID!) {\n    petition(id: $id) {\n      id\n      title\n      demand\n      target\n      status\n      goal\n      signatureCount\n      workplace {\n        id\n        name\n      }\n    }\n  }\n": types.CollectPetitionDocument,
    "\n  mutation AddSignature($input: AddSignatureInput!) {\n    addSignature(input: $input) {\n      id\n      signedAt\n      petition {\n        id\n        signatureCount\n        progress\n      }\n    }\n  }\n": types.AddSignatureDocument,
    "\n  query OpenPetitions($localId: ID!) {\n    petitions(localId: $localId, status: OPEN, first: 50) {\n      nodes {\n        id\n        title\n        target\n        goal\n        signatureCount\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.OpenPetitionsDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      current\n      createdAt\n      lastUsedAt\n      userAgent\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": types.EndSessionDocument,
    "\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n": types.EndOtherSessionsDocument,
    "\n  query Today($localId: ID!, $since: DateTime!) {\n    myFollowUps(localId: $localId, first: 50) {\n      id\n      followUpAt\n      nextStep\n      member {\n        ...MemberCardFields\n      }\n    }\n    members(localId: $localId, first: 20, filter: { notContactedSince: $since }) {\n      totalCount\n      nodes {\n        ...MemberCardFields\n      }\n    }\n  }\n": types.TodayDocument,
    "\n  mutation CompleteFollowUp($id: ID!) {\n    completeFollowUp(id: $id) {\n      id\n      followUpDoneAt\n    }\n  }\n": types.CompleteFollowUpDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      roles {\n        id\n        role\n        local {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      displayName\n      email\n      roles {\n        id\n        role\n        local {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberCardFields on Member {\n    id\n    firstName\n    preferredName\n    supportLevel\n    lastContactAt\n    unit {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment MemberCardFields on Member {\n    id\n    firstName\n    preferredName\n    supportLevel\n    lastContactAt\n    unit {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberPage($id: ID!) {\n    member(id: $id) {\n      id\n      firstName\n      lastName\n      preferredName\n      phone\n      email\n      preferredLanguage\n      supportLevel\n      lastContactAt\n      workplace {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n      oneOnOnes(first: 50) {\n        totalCount\n        nodes {\n          id\n          occurredAt\n          channel\n          supportLevel\n          issues\n          notes\n          nextStep\n          followUpAt\n          followUpDoneAt\n          steward {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberPage($id: ID!) {\n    member(id: $id) {\n      id\n      firstName\n      lastName\n      preferredName\n      phone\n      email\n      preferredLanguage\n      supportLevel\n      lastContactAt\n      workplace {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n      oneOnOnes(first: 50) {\n        totalCount\n        nodes {\n          id\n          occurredAt\n          channel\n          supportLevel\n          issues\n          notes\n          nextStep\n          followUpAt\n          followUpDoneAt\n          steward {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindMember($localId: ID!, $search: String!, $workplaceId: ID) {\n    members(localId: $localId, first: 8, filter: { search: $search, workplaceId: $workplaceId }) {\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FindMember($localId: ID!, $search: String!, $workplaceId: ID) {\n    members(localId: $localId, first: 8, filter: { search: $search, workplaceId: $workplaceId }) {\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersPage($localId: ID!, $filter: MemberFilter, $after: String, $first: Int) {\n    members(localId: $localId, filter: $filter, after: $after, first: $first) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...MemberCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembersPage($localId: ID!, $filter: MemberFilter, $after: String, $first: Int) {\n    members(localId: $localId, filter: $filter, after: $after, first: $first) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...MemberCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitsOf($id: ID!) {\n    workplace(id: $id) {\n      id\n      units {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitsOf($id: ID!) {\n    workplace(id: $id) {\n      id\n      units {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogSetup($localId: ID!) {\n    recentIssues(localId: $localId, first: 12)\n  }\n"): (typeof documents)["\n  query LogSetup($localId: ID!) {\n    recentIssues(localId: $localId, first: 12)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOneOnOne($input: LogOneOnOneInput!) {\n    logOneOnOne(input: $input) {\n      id\n      occurredAt\n      supportLevel\n      followUpAt\n      member {\n        id\n        firstName\n        preferredName\n        supportLevel\n        lastContactAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogOneOnOne($input: LogOneOnOneInput!) {\n    logOneOnOne(input: $input) {\n      id\n      occurredAt\n      supportLevel\n      followUpAt\n      member {\n        id\n        firstName\n        preferredName\n        supportLevel\n        lastContactAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CollectPetition($id: ID!) {\n    petition(id: $id) {\n      id\n      title\n      demand\n      target\n      status\n      goal\n      signatureCount\n      workplace {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CollectPetition($id: ID!) {\n    petition(id: $id) {\n      id\n      title\n      demand\n      target\n      status\n      goal\n      signatureCount\n      workplace {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSignature($input: AddSignatureInput!) {\n    addSignature(input: $input) {\n      id\n      signedAt\n      petition {\n        id\n        signatureCount\n        progress\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddSignature($input: AddSignatureInput!) {\n    addSignature(input: $input) {\n      id\n      signedAt\n      petition {\n        id\n        signatureCount\n        progress\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenPetitions($localId: ID!) {\n    petitions(localId: $localId, status: OPEN, first: 50) {\n      nodes {\n        id\n        title\n        target\n        goal\n        signatureCount\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenPetitions($localId: ID!) {\n    petitions(localId: $localId, status: OPEN, first: 50) {\n      nodes {\n        id\n        title\n        target\n        goal\n        signatureCount\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      current\n      createdAt\n      lastUsedAt\n      userAgent\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      id\n      current\n      createdAt\n      lastUsedAt\n      userAgent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n"): (typeof documents)["\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Today($localId: ID!, $since: DateTime!) {\n    myFollowUps(localId: $localId, first: 50) {\n      id\n      followUpAt\n      nextStep\n      member {\n        ...MemberCardFields\n      }\n    }\n    members(localId: $localId, first: 20, filter: { notContactedSince: $since }) {\n      totalCount\n      nodes {\n        ...MemberCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Today($localId: ID!, $since: DateTime!) {\n    myFollowUps(localId: $localId, first: 50) {\n      id\n      followUpAt\n      nextStep\n      member {\n        ...MemberCardFields\n      }\n    }\n    members(localId: $localId, first: 20, filter: { notContactedSince: $since }) {\n      totalCount\n      nodes {\n        ...MemberCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteFollowUp($id: ID!) {\n    completeFollowUp(id: $id) {\n      id\n      followUpDoneAt\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteFollowUp($id: ID!) {\n    completeFollowUp(id: $id) {\n      id\n      followUpDoneAt\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;