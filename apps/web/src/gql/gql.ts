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
    "\n  query AuditLogPage($localId: ID!, $first: Int!, $after: String, $action: String) {\n    auditEvents(localId: $localId, first: $first, after: $after, action: $action) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        action\n        at\n        targetType\n        detail {\n          name\n          count\n        }\n        actor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.AuditLogPageDocument,
    "\n  query PeopleList($localId: ID!, $after: String) {\n    roleAssignments(localId: $localId, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        role\n        user {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n": typeof types.PeopleListDocument,
    "\n  query PeoplePendingInvitations($localId: ID!) {\n    pendingInvitations(localId: $localId) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n": typeof types.PeoplePendingInvitationsDocument,
    "\n  query PeoplePerson($localId: ID!, $after: String) {\n    roleAssignments(localId: $localId, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        role\n        user {\n          id\n          displayName\n          email\n        }\n        workplaces {\n          id\n        }\n      }\n    }\n  }\n": typeof types.PeoplePersonDocument,
    "\n  query PeopleWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PeopleWorkplacesDocument,
    "\n  mutation PeopleGrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      id\n      role\n      workplaces {\n        id\n      }\n    }\n  }\n": typeof types.PeopleGrantRoleDocument,
    "\n  mutation PeopleRevokeRole($id: ID!) {\n    revokeRole(id: $id)\n  }\n": typeof types.PeopleRevokeRoleDocument,
    "\n  mutation PeopleEndUserSessions($localId: ID!, $userId: ID!) {\n    endUserSessions(localId: $localId, userId: $userId)\n  }\n": typeof types.PeopleEndUserSessionsDocument,
    "\n  mutation PeopleInvite($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      id\n      email\n      role\n      expiresAt\n      token\n    }\n  }\n": typeof types.PeopleInviteDocument,
    "\n  query CampaignsList($localId: ID!) {\n    campaigns(localId: $localId, first: 100) {\n      totalCount\n      nodes {\n        id\n        title\n        stage\n        decisionBody\n        meetingAt\n        progress {\n          percent\n        }\n      }\n    }\n  }\n": typeof types.CampaignsListDocument,
    "\n  fragment CampaignsDetail on ResolutionCampaign {\n    id\n    title\n    resolutionText\n    decisionBody\n    meetingAt\n    stage\n    stageHistory {\n      at\n      from\n      to\n      note\n    }\n    milestones {\n      id\n      title\n      dueAt\n      doneAt\n    }\n    petitions {\n      id\n      title\n      status\n      goal\n      signatureCount\n    }\n    progress {\n      percent\n      milestonesDone\n      milestonesTotal\n      signatureCount\n      signatureGoal\n    }\n    vote {\n      votesFor\n      votesAgainst\n      abstentions\n      heldAt\n    }\n  }\n": typeof types.CampaignsDetailFragmentDoc,
    "\n  query CampaignsCampaign($id: ID!) {\n    campaign(id: $id) {\n      ...CampaignsDetail\n    }\n  }\n": typeof types.CampaignsCampaignDocument,
    "\n  query CampaignsOrganizerWho($id: ID!) {\n    campaign(id: $id) {\n      id\n      stageHistory {\n        at\n        to\n        by {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.CampaignsOrganizerWhoDocument,
    "\n  mutation CampaignsAdvance($input: AdvanceStageInput!) {\n    advanceCampaignStage(input: $input) {\n      ...CampaignsDetail\n    }\n  }\n": typeof types.CampaignsAdvanceDocument,
    "\n  mutation CampaignsRecordVote($input: RecordVoteInput!) {\n    recordVote(input: $input) {\n      ...CampaignsDetail\n    }\n  }\n": typeof types.CampaignsRecordVoteDocument,
    "\n  mutation CampaignsAddMilestone($input: MilestoneInput!) {\n    addMilestone(input: $input) {\n      id\n      title\n      dueAt\n      doneAt\n    }\n  }\n": typeof types.CampaignsAddMilestoneDocument,
    "\n  mutation CampaignsCompleteMilestone($id: ID!) {\n    completeMilestone(id: $id) {\n      id\n      doneAt\n    }\n  }\n": typeof types.CampaignsCompleteMilestoneDocument,
    "\n  mutation CampaignsLinkPetition($campaignId: ID!, $petitionId: ID!) {\n    linkPetition(campaignId: $campaignId, petitionId: $petitionId) {\n      ...CampaignsDetail\n    }\n  }\n": typeof types.CampaignsLinkPetitionDocument,
    "\n  query CampaignsPetitions($localId: ID!) {\n    petitions(localId: $localId, first: 100) {\n      nodes {\n        id\n        title\n        status\n      }\n    }\n  }\n": typeof types.CampaignsPetitionsDocument,
    "\n  mutation CampaignsCreate($input: CampaignInput!) {\n    createCampaign(input: $input) {\n      id\n    }\n  }\n": typeof types.CampaignsCreateDocument,
    "\n  query BoardDashboard($localId: ID!) {\n    localDashboard(localId: $localId) {\n      memberCount\n      coverage\n      oneOnOnesLast30Days\n      kyrTrainedCount\n      membersBySupportLevel {\n        level\n        count\n      }\n      coverageHistory {\n        weekEnding\n        memberCount\n        coveredCount\n        share\n      }\n      workplaces {\n        memberCount\n        coverage\n        kyrTrainedCount\n        committeeCoverage\n        workplace {\n          id\n          name\n        }\n      }\n      openPetitions {\n        id\n        title\n        goal\n        signatureCount\n      }\n      campaigns {\n        id\n        stage\n      }\n    }\n  }\n": typeof types.BoardDashboardDocument,
    "\n  query CommitteePage($id: ID!) {\n    committee(id: $id) {\n      id\n      name\n      kind\n      archivedAt\n      coverage\n      ratio\n      membershipCount\n      workplace {\n        id\n        name\n        memberCount\n      }\n      memberships(first: 40) {\n        totalCount\n        nodes {\n          id\n          role\n          contactCount\n          unit {\n            id\n            name\n          }\n          member {\n            id\n            firstName\n            lastName\n            preferredName\n          }\n          contacts(first: 25) {\n            nodes {\n              id\n              firstName\n              lastName\n              preferredName\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CommitteePageDocument,
    "\n  query CommitteeUnits($id: ID!) {\n    workplace(id: $id) {\n      id\n      units {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CommitteeUnitsDocument,
    "\n  query CommitteeMemberUnit($id: ID!) {\n    member(id: $id) {\n      id\n      unit {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CommitteeMemberUnitDocument,
    "\n  query CommitteeCandidates($localId: ID!, $workplaceId: ID, $unitId: ID, $search: String) {\n    members(\n      localId: $localId\n      first: 100\n      filter: { workplaceId: $workplaceId, unitId: $unitId, search: $search }\n    ) {\n      totalCount\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CommitteeCandidatesDocument,
    "\n  mutation CommitteeSeat($input: CommitteeMembershipInput!) {\n    addCommitteeMember(input: $input) {\n      id\n      committee {\n        id\n        membershipCount\n        coverage\n        ratio\n      }\n    }\n  }\n": typeof types.CommitteeSeatDocument,
    "\n  mutation CommitteeUnseat($id: ID!) {\n    removeCommitteeMember(id: $id)\n  }\n": typeof types.CommitteeUnseatDocument,
    "\n  mutation CommitteeAssign($input: AssignContactsInput!) {\n    assignContacts(input: $input) {\n      id\n      contactCount\n      committee {\n        id\n        coverage\n        ratio\n      }\n    }\n  }\n": typeof types.CommitteeAssignDocument,
    "\n  mutation CommitteeArchive($id: ID!) {\n    archiveCommittee(id: $id) {\n      id\n      archivedAt\n    }\n  }\n": typeof types.CommitteeArchiveDocument,
    "\n  query CommitteesList($localId: ID!) {\n    committees(localId: $localId, first: 100) {\n      totalCount\n      nodes {\n        id\n        name\n        kind\n        archivedAt\n        membershipCount\n        coverage\n        ratio\n        workplace {\n          id\n          name\n          memberCount\n        }\n      }\n    }\n  }\n": typeof types.CommitteesListDocument,
    "\n  query CommitteesWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CommitteesWorkplacesDocument,
    "\n  mutation CommitteesCreate($input: CommitteeInput!) {\n    createCommittee(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CommitteesCreateDocument,
    "\n  query DeskIncident($id: ID!) {\n    me {\n      id\n    }\n    incident(id: $id) {\n      id\n      kind\n      status\n      location\n      details\n      reportedAt\n      createdAt\n      expiresAt\n      workplace {\n        id\n        name\n      }\n      verifications {\n        id\n        at\n        outcome\n        note\n        by {\n          id\n          displayName\n        }\n      }\n      alerts {\n        id\n        status\n        audience\n        message\n        createdAt\n        sentAt\n        recipientCount\n        deliveredCount\n        failedCount\n        proposedBy {\n          id\n          displayName\n        }\n        approvedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.DeskIncidentDocument,
    "\n  mutation DeskVerifyIncident($input: VerifyIncidentInput!) {\n    verifyIncident(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.DeskVerifyIncidentDocument,
    "\n  mutation DeskProposeAlert($input: ProposeAlertInput!) {\n    proposeAlert(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.DeskProposeAlertDocument,
    "\n  mutation DeskApproveAlert($id: ID!) {\n    approveAlert(id: $id) {\n      id\n      status\n      recipientCount\n    }\n  }\n": typeof types.DeskApproveAlertDocument,
    "\n  mutation DeskCancelAlert($id: ID!) {\n    cancelAlert(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.DeskCancelAlertDocument,
    "\n  mutation DeskCloseIncident($id: ID!) {\n    closeIncident(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.DeskCloseIncidentDocument,
    "\n  query DeskIncidents($localId: ID!, $status: IncidentStatus, $first: Int!) {\n    incidents(localId: $localId, status: $status, first: $first) {\n      totalCount\n      nodes {\n        id\n        kind\n        status\n        location\n        reportedAt\n        expiresAt\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.DeskIncidentsDocument,
    "\n  mutation DeskReportIncident($input: ReportIncidentInput!) {\n    reportIncident(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.DeskReportIncidentDocument,
    "\n  query DeskResponders($localId: ID!) {\n    responders(localId: $localId, first: 50) {\n      totalCount\n      nodes {\n        id\n        available\n        skills\n        member {\n          id\n          firstName\n          lastName\n          preferredName\n        }\n        workplaces {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.DeskRespondersDocument,
    "\n  mutation DeskSetResponder($input: ResponderInput!) {\n    setResponder(input: $input) {\n      id\n      available\n      skills\n    }\n  }\n": typeof types.DeskSetResponderDocument,
    "\n  mutation DeskRemoveResponder($memberId: ID!) {\n    removeResponder(memberId: $memberId)\n  }\n": typeof types.DeskRemoveResponderDocument,
    "\n  query DeskPlaces($localId: ID!) {\n    workplaces(localId: $localId, first: 50) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.DeskPlacesDocument,
    "\n  query EventsWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.EventsWorkplacesDocument,
    "\n  mutation EventsCreate($input: EventInput!) {\n    createEvent(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.EventsCreateDocument,
    "\n  query EventsEdit($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      kind\n      description\n      startsAt\n      endsAt\n      location\n      capacity\n      status\n      workplace {\n        id\n        name\n      }\n    }\n  }\n": typeof types.EventsEditDocument,
    "\n  mutation EventsUpdate($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      id\n      title\n      description\n      startsAt\n      endsAt\n      location\n      capacity\n      full\n    }\n  }\n": typeof types.EventsUpdateDocument,
    "\n  query EventPage($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      kind\n      description\n      startsAt\n      endsAt\n      location\n      status\n      capacity\n      full\n      rsvpCount\n      attendedCount\n      workplace {\n        id\n        name\n      }\n      attendances(first: 100) {\n        totalCount\n        nodes {\n          id\n          rsvp\n          attended\n          member {\n            id\n            firstName\n            lastName\n            preferredName\n            unit {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.EventPageDocument,
    "\n  mutation EventsCancel($id: ID!) {\n    cancelEvent(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.EventsCancelDocument,
    "\n  mutation EventsRsvp($input: RsvpInput!) {\n    rsvp(input: $input) {\n      id\n      rsvp\n      attended\n      event {\n        id\n        rsvpCount\n        full\n      }\n    }\n  }\n": typeof types.EventsRsvpDocument,
    "\n  query EventsList($localId: ID!, $from: DateTime, $to: DateTime) {\n    events(localId: $localId, first: 50, filter: { from: $from, to: $to, includeCancelled: true }) {\n      totalCount\n      nodes {\n        id\n        title\n        kind\n        startsAt\n        location\n        status\n        capacity\n        full\n        rsvpCount\n        attendedCount\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.EventsListDocument,
    "\n  query EventsDoor($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n      status\n      attendedCount\n      workplace {\n        id\n        name\n      }\n      attendances(first: 100) {\n        nodes {\n          id\n          attended\n          member {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.EventsDoorDocument,
    "\n  query EventsDoorSearch($localId: ID!, $search: String!, $workplaceId: ID) {\n    members(localId: $localId, first: 8, filter: { search: $search, workplaceId: $workplaceId }) {\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.EventsDoorSearchDocument,
    "\n  mutation EventsRecordAttendance($input: AttendanceInput!) {\n    recordAttendance(input: $input) {\n      id\n      attended\n      member {\n        id\n      }\n      event {\n        id\n        attendedCount\n      }\n    }\n  }\n": typeof types.EventsRecordAttendanceDocument,
    "\n  query MembersExport($localId: ID!) {\n    exportMembers(localId: $localId)\n  }\n": typeof types.MembersExportDocument,
    "\n  fragment MemberCardFields on Member {\n    id\n    firstName\n    preferredName\n    supportLevel\n    lastContactAt\n    archivedAt\n    unit {\n      id\n      name\n    }\n  }\n": typeof types.MemberCardFieldsFragmentDoc,
    "\n  query MemberPage($id: ID!) {\n    member(id: $id) {\n      id\n      firstName\n      lastName\n      preferredName\n      phone\n      email\n      preferredLanguage\n      supportLevel\n      lastContactAt\n      status\n      tags\n      cardSignedAt\n      alertOptIn\n      archivedAt\n      workplace {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n      oneOnOnes(first: 50) {\n        totalCount\n        nodes {\n          id\n          occurredAt\n          channel\n          supportLevel\n          issues\n          notes\n          nextStep\n          followUpAt\n          followUpDoneAt\n          steward {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.MemberPageDocument,
    "\n  query FindMember($localId: ID!, $search: String!, $workplaceId: ID) {\n    members(localId: $localId, first: 8, filter: { search: $search, workplaceId: $workplaceId }) {\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.FindMemberDocument,
    "\n  query MembersPage($localId: ID!, $filter: MemberFilter, $after: String, $first: Int) {\n    members(localId: $localId, filter: $filter, after: $after, first: $first) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...MemberCardFields\n      }\n    }\n  }\n": typeof types.MembersPageDocument,
    "\n  query MyWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MyWorkplacesDocument,
    "\n  query UnitsOf($id: ID!) {\n    workplace(id: $id) {\n      id\n      units {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UnitsOfDocument,
    "\n  query MembersEdit($id: ID!) {\n    member(id: $id) {\n      id\n      firstName\n      lastName\n      preferredName\n      email\n      phone\n      preferredLanguage\n      status\n      tags\n      cardSignedAt\n      alertOptIn\n      workplace {\n        id\n      }\n      unit {\n        id\n      }\n    }\n  }\n": typeof types.MembersEditDocument,
    "\n  mutation MembersUpdate($id: ID!, $input: UpdateMemberInput!) {\n    updateMember(id: $id, input: $input) {\n      id\n      firstName\n      lastName\n      preferredName\n      email\n      phone\n      preferredLanguage\n      status\n      tags\n      cardSignedAt\n      alertOptIn\n      workplace {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MembersUpdateDocument,
    "\n  mutation MembersImport($localId: ID!, $csv: String!) {\n    importMembers(localId: $localId, csv: $csv) {\n      created\n      updated\n      skipped\n      errors {\n        row\n        message\n      }\n    }\n  }\n": typeof types.MembersImportDocument,
    "\n  mutation MembersArchive($id: ID!) {\n    archiveMember(id: $id) {\n      id\n      archivedAt\n    }\n  }\n": typeof types.MembersArchiveDocument,
    "\n  mutation MembersErase($id: ID!) {\n    eraseMember(id: $id)\n  }\n": typeof types.MembersEraseDocument,
    "\n  mutation MembersCreate($input: MemberInput!) {\n    createMember(input: $input) {\n      id\n      firstName\n    }\n  }\n": typeof types.MembersCreateDocument,
    "\n  query LogSetup($localId: ID!) {\n    recentIssues(localId: $localId, first: 12)\n  }\n": typeof types.LogSetupDocument,
    "\n  mutation LogOneOnOne($input: LogOneOnOneInput!) {\n    logOneOnOne(input: $input) {\n      id\n      occurredAt\n      supportLevel\n      followUpAt\n      member {\n        id\n        firstName\n        preferredName\n        supportLevel\n        lastContactAt\n      }\n    }\n  }\n": typeof types.LogOneOnOneDocument,
    "\n  query CollectPetition($id: ID!) {\n    petition(id: $id) {\n      id\n      title\n      demand\n      target\n      status\n      goal\n      signatureCount\n      workplace {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CollectPetitionDocument,
    "\n  mutation AddSignature($input: AddSignatureInput!) {\n    addSignature(input: $input) {\n      id\n      signedAt\n      petition {\n        id\n        signatureCount\n        progress\n      }\n    }\n  }\n": typeof types.AddSignatureDocument,
    "\n  query OpenPetitions($localId: ID!) {\n    petitions(localId: $localId, status: OPEN, first: 50) {\n      nodes {\n        id\n        title\n        target\n        goal\n        signatureCount\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.OpenPetitionsDocument,
    "\n  query PetitionsAll($localId: ID!, $status: PetitionStatus, $after: String) {\n    petitions(localId: $localId, status: $status, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        title\n        target\n        status\n        goal\n        signatureCount\n        deadline\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PetitionsAllDocument,
    "\n  query PetitionsWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n        headcount\n      }\n    }\n  }\n": typeof types.PetitionsWorkplacesDocument,
    "\n  mutation PetitionsCreate($input: PetitionInput!) {\n    createPetition(input: $input) {\n      id\n    }\n  }\n": typeof types.PetitionsCreateDocument,
    "\n  query PetitionsManage($id: ID!) {\n    petition(id: $id) {\n      id\n      status\n      createdAt\n      openedAt\n      deliveredAt\n      deadline\n      byUnit {\n        members\n        signed\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PetitionsManageDocument,
    "\n  mutation PetitionsOpen($id: ID!) {\n    openPetition(id: $id) {\n      id\n      status\n      openedAt\n    }\n  }\n": typeof types.PetitionsOpenDocument,
    "\n  mutation PetitionsDeliver($id: ID!) {\n    deliverPetition(id: $id) {\n      id\n      status\n      deliveredAt\n    }\n  }\n": typeof types.PetitionsDeliverDocument,
    "\n  mutation PetitionsClose($id: ID!, $status: PetitionStatus!) {\n    closePetition(id: $id, status: $status) {\n      id\n      status\n    }\n  }\n": typeof types.PetitionsCloseDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      current\n      createdAt\n      lastUsedAt\n      userAgent\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": typeof types.EndSessionDocument,
    "\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n": typeof types.EndOtherSessionsDocument,
    "\n  query Today($localId: ID!, $since: DateTime!) {\n    myFollowUps(localId: $localId, first: 50) {\n      id\n      followUpAt\n      nextStep\n      member {\n        ...MemberCardFields\n      }\n    }\n    members(localId: $localId, first: 20, filter: { notContactedSince: $since }) {\n      totalCount\n      nodes {\n        ...MemberCardFields\n      }\n    }\n  }\n": typeof types.TodayDocument,
    "\n  mutation CompleteFollowUp($id: ID!) {\n    completeFollowUp(id: $id) {\n      id\n      followUpDoneAt\n    }\n  }\n": typeof types.CompleteFollowUpDocument,
    "\n  query WallChartWorkplace($id: ID!) {\n    workplace(id: $id) {\n      id\n      name\n      kind\n      employer\n      address\n      headcount\n      archivedAt\n      units {\n        id\n        name\n      }\n    }\n  }\n": typeof types.WallChartWorkplaceDocument,
    "\n  query WallChartPetitions($localId: ID!) {\n    petitions(localId: $localId, status: OPEN, first: 100) {\n      nodes {\n        id\n        title\n        workplace {\n          id\n        }\n      }\n    }\n  }\n": typeof types.WallChartPetitionsDocument,
    "\n  mutation WorkplacesCreate($input: WorkplaceInput!) {\n    createWorkplace(input: $input) {\n      id\n    }\n  }\n": typeof types.WorkplacesCreateDocument,
    "\n  mutation WorkplacesUpdate($id: ID!, $input: UpdateWorkplaceInput!) {\n    updateWorkplace(id: $id, input: $input) {\n      id\n      name\n      employer\n      address\n      headcount\n      units {\n        id\n        name\n      }\n    }\n  }\n": typeof types.WorkplacesUpdateDocument,
    "\n  mutation WorkplacesArchive($id: ID!) {\n    archiveWorkplace(id: $id) {\n      id\n      archivedAt\n    }\n  }\n": typeof types.WorkplacesArchiveDocument,
    "\n  query WorkplacesPage($localId: ID!, $after: String, $includeArchived: Boolean) {\n    workplaces(localId: $localId, first: 50, after: $after, includeArchived: $includeArchived) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        kind\n        employer\n        headcount\n        memberCount\n        archivedAt\n      }\n    }\n  }\n": typeof types.WorkplacesPageDocument,
    "\n  query WallChartMembers($localId: ID!, $workplaceId: ID!, $after: String) {\n    members(localId: $localId, filter: { workplaceId: $workplaceId }, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        firstName\n        preferredName\n        supportLevel\n        lastContactAt\n        unit {\n          id\n        }\n      }\n    }\n  }\n": typeof types.WallChartMembersDocument,
    "\n  query WallChartSignatures($id: ID!, $after: String) {\n    petition(id: $id) {\n      id\n      signatures(first: 100, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          id\n          member {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.WallChartSignaturesDocument,
    "\n  query WallChartTrainings($localId: ID!, $from: DateTime!, $to: DateTime!, $after: String) {\n    events(\n      localId: $localId\n      filter: { kind: KYR_TRAINING, from: $from, to: $to, includeCancelled: true }\n      first: 100\n      after: $after\n    ) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n      }\n    }\n  }\n": typeof types.WallChartTrainingsDocument,
    "\n  query WallChartAttendances($id: ID!, $after: String) {\n    event(id: $id) {\n      id\n      attendances(first: 100, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          id\n          attended\n          member {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.WallChartAttendancesDocument,
    "\n  query WallChartCommittees($localId: ID!, $workplaceId: ID!, $after: String) {\n    committees(localId: $localId, workplaceId: $workplaceId, first: 100, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        archivedAt\n      }\n    }\n  }\n": typeof types.WallChartCommitteesDocument,
    "\n  query WallChartContacts($id: ID!, $first: Int!, $after: String, $contactsAfter: String) {\n    committee(id: $id) {\n      id\n      memberships(first: $first, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          id\n          contacts(first: 100, after: $contactsAfter) {\n            pageInfo {\n              endCursor\n              hasNextPage\n            }\n            nodes {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.WallChartContactsDocument,
    "\n  query WallChartSeatCursor($id: ID!, $first: Int!, $after: String) {\n    committee(id: $id) {\n      id\n      memberships(first: $first, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.WallChartSeatCursorDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      roles {\n        id\n        role\n        local {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query AuditLogPage($localId: ID!, $first: Int!, $after: String, $action: String) {\n    auditEvents(localId: $localId, first: $first, after: $after, action: $action) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        action\n        at\n        targetType\n        detail {\n          name\n          count\n        }\n        actor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.AuditLogPageDocument,
    "\n  query PeopleList($localId: ID!, $after: String) {\n    roleAssignments(localId: $localId, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        role\n        user {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n": types.PeopleListDocument,
    "\n  query PeoplePendingInvitations($localId: ID!) {\n    pendingInvitations(localId: $localId) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n": types.PeoplePendingInvitationsDocument,
    "\n  query PeoplePerson($localId: ID!, $after: String) {\n    roleAssignments(localId: $localId, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        role\n        user {\n          id\n          displayName\n          email\n        }\n        workplaces {\n          id\n        }\n      }\n    }\n  }\n": types.PeoplePersonDocument,
    "\n  query PeopleWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.PeopleWorkplacesDocument,
    "\n  mutation PeopleGrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      id\n      role\n      workplaces {\n        id\n      }\n    }\n  }\n": types.PeopleGrantRoleDocument,
    "\n  mutation PeopleRevokeRole($id: ID!) {\n    revokeRole(id: $id)\n  }\n": types.PeopleRevokeRoleDocument,
    "\n  mutation PeopleEndUserSessions($localId: ID!, $userId: ID!) {\n    endUserSessions(localId: $localId, userId: $userId)\n  }\n": types.PeopleEndUserSessionsDocument,
    "\n  mutation PeopleInvite($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      id\n      email\n      role\n      expiresAt\n      token\n    }\n  }\n": types.PeopleInviteDocument,
    "\n  query CampaignsList($localId: ID!) {\n    campaigns(localId: $localId, first: 100) {\n      totalCount\n      nodes {\n        id\n        title\n        stage\n        decisionBody\n        meetingAt\n        progress {\n          percent\n        }\n      }\n    }\n  }\n": types.CampaignsListDocument,
    "\n  fragment CampaignsDetail on ResolutionCampaign {\n    id\n    title\n    resolutionText\n    decisionBody\n    meetingAt\n    stage\n    stageHistory {\n      at\n      from\n      to\n      note\n    }\n    milestones {\n      id\n      title\n      dueAt\n      doneAt\n    }\n    petitions {\n      id\n      title\n      status\n      goal\n      signatureCount\n    }\n    progress {\n      percent\n      milestonesDone\n      milestonesTotal\n      signatureCount\n      signatureGoal\n    }\n    vote {\n      votesFor\n      votesAgainst\n      abstentions\n      heldAt\n    }\n  }\n": types.CampaignsDetailFragmentDoc,
    "\n  query CampaignsCampaign($id: ID!) {\n    campaign(id: $id) {\n      ...CampaignsDetail\n    }\n  }\n": types.CampaignsCampaignDocument,
    "\n  query CampaignsOrganizerWho($id: ID!) {\n    campaign(id: $id) {\n      id\n      stageHistory {\n        at\n        to\n        by {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.CampaignsOrganizerWhoDocument,
    "\n  mutation CampaignsAdvance($input: AdvanceStageInput!) {\n    advanceCampaignStage(input: $input) {\n      ...CampaignsDetail\n    }\n  }\n": types.CampaignsAdvanceDocument,
    "\n  mutation CampaignsRecordVote($input: RecordVoteInput!) {\n    recordVote(input: $input) {\n      ...CampaignsDetail\n    }\n  }\n": types.CampaignsRecordVoteDocument,
    "\n  mutation CampaignsAddMilestone($input: MilestoneInput!) {\n    addMilestone(input: $input) {\n      id\n      title\n      dueAt\n      doneAt\n    }\n  }\n": types.CampaignsAddMilestoneDocument,
    "\n  mutation CampaignsCompleteMilestone($id: ID!) {\n    completeMilestone(id: $id) {\n      id\n      doneAt\n    }\n  }\n": types.CampaignsCompleteMilestoneDocument,
    "\n  mutation CampaignsLinkPetition($campaignId: ID!, $petitionId: ID!) {\n    linkPetition(campaignId: $campaignId, petitionId: $petitionId) {\n      ...CampaignsDetail\n    }\n  }\n": types.CampaignsLinkPetitionDocument,
    "\n  query CampaignsPetitions($localId: ID!) {\n    petitions(localId: $localId, first: 100) {\n      nodes {\n        id\n        title\n        status\n      }\n    }\n  }\n": types.CampaignsPetitionsDocument,
    "\n  mutation CampaignsCreate($input: CampaignInput!) {\n    createCampaign(input: $input) {\n      id\n    }\n  }\n": types.CampaignsCreateDocument,
    "\n  query BoardDashboard($localId: ID!) {\n    localDashboard(localId: $localId) {\n      memberCount\n      coverage\n      oneOnOnesLast30Days\n      kyrTrainedCount\n      membersBySupportLevel {\n        level\n        count\n      }\n      coverageHistory {\n        weekEnding\n        memberCount\n        coveredCount\n        share\n      }\n      workplaces {\n        memberCount\n        coverage\n        kyrTrainedCount\n        committeeCoverage\n        workplace {\n          id\n          name\n        }\n      }\n      openPetitions {\n        id\n        title\n        goal\n        signatureCount\n      }\n      campaigns {\n        id\n        stage\n      }\n    }\n  }\n": types.BoardDashboardDocument,
    "\n  query CommitteePage($id: ID!) {\n    committee(id: $id) {\n      id\n      name\n      kind\n      archivedAt\n      coverage\n      ratio\n      membershipCount\n      workplace {\n        id\n        name\n        memberCount\n      }\n      memberships(first: 40) {\n        totalCount\n        nodes {\n          id\n          role\n          contactCount\n          unit {\n            id\n            name\n          }\n          member {\n            id\n            firstName\n            lastName\n            preferredName\n          }\n          contacts(first: 25) {\n            nodes {\n              id\n              firstName\n              lastName\n              preferredName\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CommitteePageDocument,
    "\n  query CommitteeUnits($id: ID!) {\n    workplace(id: $id) {\n      id\n      units {\n        id\n        name\n      }\n    }\n  }\n": types.CommitteeUnitsDocument,
    "\n  query CommitteeMemberUnit($id: ID!) {\n    member(id: $id) {\n      id\n      unit {\n        id\n        name\n      }\n    }\n  }\n": types.CommitteeMemberUnitDocument,
    "\n  query CommitteeCandidates($localId: ID!, $workplaceId: ID, $unitId: ID, $search: String) {\n    members(\n      localId: $localId\n      first: 100\n      filter: { workplaceId: $workplaceId, unitId: $unitId, search: $search }\n    ) {\n      totalCount\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CommitteeCandidatesDocument,
    "\n  mutation CommitteeSeat($input: CommitteeMembershipInput!) {\n    addCommitteeMember(input: $input) {\n      id\n      committee {\n        id\n        membershipCount\n        coverage\n        ratio\n      }\n    }\n  }\n": types.CommitteeSeatDocument,
    "\n  mutation CommitteeUnseat($id: ID!) {\n    removeCommitteeMember(id: $id)\n  }\n": types.CommitteeUnseatDocument,
    "\n  mutation CommitteeAssign($input: AssignContactsInput!) {\n    assignContacts(input: $input) {\n      id\n      contactCount\n      committee {\n        id\n        coverage\n        ratio\n      }\n    }\n  }\n": types.CommitteeAssignDocument,
    "\n  mutation CommitteeArchive($id: ID!) {\n    archiveCommittee(id: $id) {\n      id\n      archivedAt\n    }\n  }\n": types.CommitteeArchiveDocument,
    "\n  query CommitteesList($localId: ID!) {\n    committees(localId: $localId, first: 100) {\n      totalCount\n      nodes {\n        id\n        name\n        kind\n        archivedAt\n        membershipCount\n        coverage\n        ratio\n        workplace {\n          id\n          name\n          memberCount\n        }\n      }\n    }\n  }\n": types.CommitteesListDocument,
    "\n  query CommitteesWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.CommitteesWorkplacesDocument,
    "\n  mutation CommitteesCreate($input: CommitteeInput!) {\n    createCommittee(input: $input) {\n      id\n      name\n    }\n  }\n": types.CommitteesCreateDocument,
    "\n  query DeskIncident($id: ID!) {\n    me {\n      id\n    }\n    incident(id: $id) {\n      id\n      kind\n      status\n      location\n      details\n      reportedAt\n      createdAt\n      expiresAt\n      workplace {\n        id\n        name\n      }\n      verifications {\n        id\n        at\n        outcome\n        note\n        by {\n          id\n          displayName\n        }\n      }\n      alerts {\n        id\n        status\n        audience\n        message\n        createdAt\n        sentAt\n        recipientCount\n        deliveredCount\n        failedCount\n        proposedBy {\n          id\n          displayName\n        }\n        approvedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.DeskIncidentDocument,
    "\n  mutation DeskVerifyIncident($input: VerifyIncidentInput!) {\n    verifyIncident(input: $input) {\n      id\n      status\n    }\n  }\n": types.DeskVerifyIncidentDocument,
    "\n  mutation DeskProposeAlert($input: ProposeAlertInput!) {\n    proposeAlert(input: $input) {\n      id\n      status\n    }\n  }\n": types.DeskProposeAlertDocument,
    "\n  mutation DeskApproveAlert($id: ID!) {\n    approveAlert(id: $id) {\n      id\n      status\n      recipientCount\n    }\n  }\n": types.DeskApproveAlertDocument,
    "\n  mutation DeskCancelAlert($id: ID!) {\n    cancelAlert(id: $id) {\n      id\n      status\n    }\n  }\n": types.DeskCancelAlertDocument,
    "\n  mutation DeskCloseIncident($id: ID!) {\n    closeIncident(id: $id) {\n      id\n      status\n    }\n  }\n": types.DeskCloseIncidentDocument,
    "\n  query DeskIncidents($localId: ID!, $status: IncidentStatus, $first: Int!) {\n    incidents(localId: $localId, status: $status, first: $first) {\n      totalCount\n      nodes {\n        id\n        kind\n        status\n        location\n        reportedAt\n        expiresAt\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.DeskIncidentsDocument,
    "\n  mutation DeskReportIncident($input: ReportIncidentInput!) {\n    reportIncident(input: $input) {\n      id\n      status\n    }\n  }\n": types.DeskReportIncidentDocument,
    "\n  query DeskResponders($localId: ID!) {\n    responders(localId: $localId, first: 50) {\n      totalCount\n      nodes {\n        id\n        available\n        skills\n        member {\n          id\n          firstName\n          lastName\n          preferredName\n        }\n        workplaces {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.DeskRespondersDocument,
    "\n  mutation DeskSetResponder($input: ResponderInput!) {\n    setResponder(input: $input) {\n      id\n      available\n      skills\n    }\n  }\n": types.DeskSetResponderDocument,
    "\n  mutation DeskRemoveResponder($memberId: ID!) {\n    removeResponder(memberId: $memberId)\n  }\n": types.DeskRemoveResponderDocument,
    "\n  query DeskPlaces($localId: ID!) {\n    workplaces(localId: $localId, first: 50) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.DeskPlacesDocument,
    "\n  query EventsWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.EventsWorkplacesDocument,
    "\n  mutation EventsCreate($input: EventInput!) {\n    createEvent(input: $input) {\n      id\n      title\n    }\n  }\n": types.EventsCreateDocument,
    "\n  query EventsEdit($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      kind\n      description\n      startsAt\n      endsAt\n      location\n      capacity\n      status\n      workplace {\n        id\n        name\n      }\n    }\n  }\n": types.EventsEditDocument,
    "\n  mutation EventsUpdate($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      id\n      title\n      description\n      startsAt\n      endsAt\n      location\n      capacity\n      full\n    }\n  }\n": types.EventsUpdateDocument,
    "\n  query EventPage($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      kind\n      description\n      startsAt\n      endsAt\n      location\n      status\n      capacity\n      full\n      rsvpCount\n      attendedCount\n      workplace {\n        id\n        name\n      }\n      attendances(first: 100) {\n        totalCount\n        nodes {\n          id\n          rsvp\n          attended\n          member {\n            id\n            firstName\n            lastName\n            preferredName\n            unit {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.EventPageDocument,
    "\n  mutation EventsCancel($id: ID!) {\n    cancelEvent(id: $id) {\n      id\n      status\n    }\n  }\n": types.EventsCancelDocument,
    "\n  mutation EventsRsvp($input: RsvpInput!) {\n    rsvp(input: $input) {\n      id\n      rsvp\n      attended\n      event {\n        id\n        rsvpCount\n        full\n      }\n    }\n  }\n": types.EventsRsvpDocument,
    "\n  query EventsList($localId: ID!, $from: DateTime, $to: DateTime) {\n    events(localId: $localId, first: 50, filter: { from: $from, to: $to, includeCancelled: true }) {\n      totalCount\n      nodes {\n        id\n        title\n        kind\n        startsAt\n        location\n        status\n        capacity\n        full\n        rsvpCount\n        attendedCount\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.EventsListDocument,
    "\n  query EventsDoor($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n      status\n      attendedCount\n      workplace {\n        id\n        name\n      }\n      attendances(first: 100) {\n        nodes {\n          id\n          attended\n          member {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.EventsDoorDocument,
    "\n  query EventsDoorSearch($localId: ID!, $search: String!, $workplaceId: ID) {\n    members(localId: $localId, first: 8, filter: { search: $search, workplaceId: $workplaceId }) {\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.EventsDoorSearchDocument,
    "\n  mutation EventsRecordAttendance($input: AttendanceInput!) {\n    recordAttendance(input: $input) {\n      id\n      attended\n      member {\n        id\n      }\n      event {\n        id\n        attendedCount\n      }\n    }\n  }\n": types.EventsRecordAttendanceDocument,
    "\n  query MembersExport($localId: ID!) {\n    exportMembers(localId: $localId)\n  }\n": types.MembersExportDocument,
    "\n  fragment MemberCardFields on Member {\n    id\n    firstName\n    preferredName\n    supportLevel\n    lastContactAt\n    archivedAt\n    unit {\n      id\n      name\n    }\n  }\n": types.MemberCardFieldsFragmentDoc,
    "\n  query MemberPage($id: ID!) {\n    member(id: $id) {\n      id\n      firstName\n      lastName\n      preferredName\n      phone\n      email\n      preferredLanguage\n      supportLevel\n      lastContactAt\n      status\n      tags\n      cardSignedAt\n      alertOptIn\n      archivedAt\n      workplace {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n      oneOnOnes(first: 50) {\n        totalCount\n        nodes {\n          id\n          occurredAt\n          channel\n          supportLevel\n          issues\n          notes\n          nextStep\n          followUpAt\n          followUpDoneAt\n          steward {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.MemberPageDocument,
    "\n  query FindMember($localId: ID!, $search: String!, $workplaceId: ID) {\n    members(localId: $localId, first: 8, filter: { search: $search, workplaceId: $workplaceId }) {\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.FindMemberDocument,
    "\n  query MembersPage($localId: ID!, $filter: MemberFilter, $after: String, $first: Int) {\n    members(localId: $localId, filter: $filter, after: $after, first: $first) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...MemberCardFields\n      }\n    }\n  }\n": types.MembersPageDocument,
    "\n  query MyWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.MyWorkplacesDocument,
    "\n  query UnitsOf($id: ID!) {\n    workplace(id: $id) {\n      id\n      units {\n        id\n        name\n      }\n    }\n  }\n": types.UnitsOfDocument,
    "\n  query MembersEdit($id: ID!) {\n    member(id: $id) {\n      id\n      firstName\n      lastName\n      preferredName\n      email\n      phone\n      preferredLanguage\n      status\n      tags\n      cardSignedAt\n      alertOptIn\n      workplace {\n        id\n      }\n      unit {\n        id\n      }\n    }\n  }\n": types.MembersEditDocument,
    "\n  mutation MembersUpdate($id: ID!, $input: UpdateMemberInput!) {\n    updateMember(id: $id, input: $input) {\n      id\n      firstName\n      lastName\n      preferredName\n      email\n      phone\n      preferredLanguage\n      status\n      tags\n      cardSignedAt\n      alertOptIn\n      workplace {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n": types.MembersUpdateDocument,
    "\n  mutation MembersImport($localId: ID!, $csv: String!) {\n    importMembers(localId: $localId, csv: $csv) {\n      created\n      updated\n      skipped\n      errors {\n        row\n        message\n      }\n    }\n  }\n": types.MembersImportDocument,
    "\n  mutation MembersArchive($id: ID!) {\n    archiveMember(id: $id) {\n      id\n      archivedAt\n    }\n  }\n": types.MembersArchiveDocument,
    "\n  mutation MembersErase($id: ID!) {\n    eraseMember(id: $id)\n  }\n": types.MembersEraseDocument,
    "\n  mutation MembersCreate($input: MemberInput!) {\n    createMember(input: $input) {\n      id\n      firstName\n    }\n  }\n": types.MembersCreateDocument,
    "\n  query LogSetup($localId: ID!) {\n    recentIssues(localId: $localId, first: 12)\n  }\n": types.LogSetupDocument,
    "\n  mutation LogOneOnOne($input: LogOneOnOneInput!) {\n    logOneOnOne(input: $input) {\n      id\n      occurredAt\n      supportLevel\n      followUpAt\n      member {\n        id\n        firstName\n        preferredName\n        supportLevel\n        lastContactAt\n      }\n    }\n  }\n": types.LogOneOnOneDocument,
    "\n  query CollectPetition($id: ID!) {\n    petition(id: $id) {\n      id\n      title\n      demand\n      target\n      status\n      goal\n      signatureCount\n      workplace {\n        id\n        name\n      }\n    }\n  }\n": types.CollectPetitionDocument,
    "\n  mutation AddSignature($input: AddSignatureInput!) {\n    addSignature(input: $input) {\n      id\n      signedAt\n      petition {\n        id\n        signatureCount\n        progress\n      }\n    }\n  }\n": types.AddSignatureDocument,
    "\n  query OpenPetitions($localId: ID!) {\n    petitions(localId: $localId, status: OPEN, first: 50) {\n      nodes {\n        id\n        title\n        target\n        goal\n        signatureCount\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.OpenPetitionsDocument,
    "\n  query PetitionsAll($localId: ID!, $status: PetitionStatus, $after: String) {\n    petitions(localId: $localId, status: $status, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        title\n        target\n        status\n        goal\n        signatureCount\n        deadline\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PetitionsAllDocument,
    "\n  query PetitionsWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n        headcount\n      }\n    }\n  }\n": types.PetitionsWorkplacesDocument,
    "\n  mutation PetitionsCreate($input: PetitionInput!) {\n    createPetition(input: $input) {\n      id\n    }\n  }\n": types.PetitionsCreateDocument,
    "\n  query PetitionsManage($id: ID!) {\n    petition(id: $id) {\n      id\n      status\n      createdAt\n      openedAt\n      deliveredAt\n      deadline\n      byUnit {\n        members\n        signed\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PetitionsManageDocument,
    "\n  mutation PetitionsOpen($id: ID!) {\n    openPetition(id: $id) {\n      id\n      status\n      openedAt\n    }\n  }\n": types.PetitionsOpenDocument,
    "\n  mutation PetitionsDeliver($id: ID!) {\n    deliverPetition(id: $id) {\n      id\n      status\n      deliveredAt\n    }\n  }\n": types.PetitionsDeliverDocument,
    "\n  mutation PetitionsClose($id: ID!, $status: PetitionStatus!) {\n    closePetition(id: $id, status: $status) {\n      id\n      status\n    }\n  }\n": types.PetitionsCloseDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      current\n      createdAt\n      lastUsedAt\n      userAgent\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": types.EndSessionDocument,
    "\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n": types.EndOtherSessionsDocument,
    "\n  query Today($localId: ID!, $since: DateTime!) {\n    myFollowUps(localId: $localId, first: 50) {\n      id\n      followUpAt\n      nextStep\n      member {\n        ...MemberCardFields\n      }\n    }\n    members(localId: $localId, first: 20, filter: { notContactedSince: $since }) {\n      totalCount\n      nodes {\n        ...MemberCardFields\n      }\n    }\n  }\n": types.TodayDocument,
    "\n  mutation CompleteFollowUp($id: ID!) {\n    completeFollowUp(id: $id) {\n      id\n      followUpDoneAt\n    }\n  }\n": types.CompleteFollowUpDocument,
    "\n  query WallChartWorkplace($id: ID!) {\n    workplace(id: $id) {\n      id\n      name\n      kind\n      employer\n      address\n      headcount\n      archivedAt\n      units {\n        id\n        name\n      }\n    }\n  }\n": types.WallChartWorkplaceDocument,
    "\n  query WallChartPetitions($localId: ID!) {\n    petitions(localId: $localId, status: OPEN, first: 100) {\n      nodes {\n        id\n        title\n        workplace {\n          id\n        }\n      }\n    }\n  }\n": types.WallChartPetitionsDocument,
    "\n  mutation WorkplacesCreate($input: WorkplaceInput!) {\n    createWorkplace(input: $input) {\n      id\n    }\n  }\n": types.WorkplacesCreateDocument,
    "\n  mutation WorkplacesUpdate($id: ID!, $input: UpdateWorkplaceInput!) {\n    updateWorkplace(id: $id, input: $input) {\n      id\n      name\n      employer\n      address\n      headcount\n      units {\n        id\n        name\n      }\n    }\n  }\n": types.WorkplacesUpdateDocument,
    "\n  mutation WorkplacesArchive($id: ID!) {\n    archiveWorkplace(id: $id) {\n      id\n      archivedAt\n    }\n  }\n": types.WorkplacesArchiveDocument,
    "\n  query WorkplacesPage($localId: ID!, $after: String, $includeArchived: Boolean) {\n    workplaces(localId: $localId, first: 50, after: $after, includeArchived: $includeArchived) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        kind\n        employer\n        headcount\n        memberCount\n        archivedAt\n      }\n    }\n  }\n": types.WorkplacesPageDocument,
    "\n  query WallChartMembers($localId: ID!, $workplaceId: ID!, $after: String) {\n    members(localId: $localId, filter: { workplaceId: $workplaceId }, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        firstName\n        preferredName\n        supportLevel\n        lastContactAt\n        unit {\n          id\n        }\n      }\n    }\n  }\n": types.WallChartMembersDocument,
    "\n  query WallChartSignatures($id: ID!, $after: String) {\n    petition(id: $id) {\n      id\n      signatures(first: 100, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          id\n          member {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.WallChartSignaturesDocument,
    "\n  query WallChartTrainings($localId: ID!, $from: DateTime!, $to: DateTime!, $after: String) {\n    events(\n      localId: $localId\n      filter: { kind: KYR_TRAINING, from: $from, to: $to, includeCancelled: true }\n      first: 100\n      after: $after\n    ) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n      }\n    }\n  }\n": types.WallChartTrainingsDocument,
    "\n  query WallChartAttendances($id: ID!, $after: String) {\n    event(id: $id) {\n      id\n      attendances(first: 100, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          id\n          attended\n          member {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.WallChartAttendancesDocument,
    "\n  query WallChartCommittees($localId: ID!, $workplaceId: ID!, $after: String) {\n    committees(localId: $localId, workplaceId: $workplaceId, first: 100, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        archivedAt\n      }\n    }\n  }\n": types.WallChartCommitteesDocument,
    "\n  query WallChartContacts($id: ID!, $first: Int!, $after: String, $contactsAfter: String) {\n    committee(id: $id) {\n      id\n      memberships(first: $first, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          id\n          contacts(first: 100, after: $contactsAfter) {\n            pageInfo {\n              endCursor\n              hasNextPage\n            }\n            nodes {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.WallChartContactsDocument,
    "\n  query WallChartSeatCursor($id: ID!, $first: Int!, $after: String) {\n    committee(id: $id) {\n      id\n      memberships(first: $first, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.WallChartSeatCursorDocument,
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
export function graphql(source: "\n  query AuditLogPage($localId: ID!, $first: Int!, $after: String, $action: String) {\n    auditEvents(localId: $localId, first: $first, after: $after, action: $action) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        action\n        at\n        targetType\n        detail {\n          name\n          count\n        }\n        actor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogPage($localId: ID!, $first: Int!, $after: String, $action: String) {\n    auditEvents(localId: $localId, first: $first, after: $after, action: $action) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        action\n        at\n        targetType\n        detail {\n          name\n          count\n        }\n        actor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleList($localId: ID!, $after: String) {\n    roleAssignments(localId: $localId, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        role\n        user {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PeopleList($localId: ID!, $after: String) {\n    roleAssignments(localId: $localId, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        role\n        user {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeoplePendingInvitations($localId: ID!) {\n    pendingInvitations(localId: $localId) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query PeoplePendingInvitations($localId: ID!) {\n    pendingInvitations(localId: $localId) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeoplePerson($localId: ID!, $after: String) {\n    roleAssignments(localId: $localId, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        role\n        user {\n          id\n          displayName\n          email\n        }\n        workplaces {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PeoplePerson($localId: ID!, $after: String) {\n    roleAssignments(localId: $localId, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        role\n        user {\n          id\n          displayName\n          email\n        }\n        workplaces {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PeopleWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PeopleGrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      id\n      role\n      workplaces {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PeopleGrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      id\n      role\n      workplaces {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PeopleRevokeRole($id: ID!) {\n    revokeRole(id: $id)\n  }\n"): (typeof documents)["\n  mutation PeopleRevokeRole($id: ID!) {\n    revokeRole(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PeopleEndUserSessions($localId: ID!, $userId: ID!) {\n    endUserSessions(localId: $localId, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation PeopleEndUserSessions($localId: ID!, $userId: ID!) {\n    endUserSessions(localId: $localId, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PeopleInvite($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      id\n      email\n      role\n      expiresAt\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation PeopleInvite($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      id\n      email\n      role\n      expiresAt\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignsList($localId: ID!) {\n    campaigns(localId: $localId, first: 100) {\n      totalCount\n      nodes {\n        id\n        title\n        stage\n        decisionBody\n        meetingAt\n        progress {\n          percent\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignsList($localId: ID!) {\n    campaigns(localId: $localId, first: 100) {\n      totalCount\n      nodes {\n        id\n        title\n        stage\n        decisionBody\n        meetingAt\n        progress {\n          percent\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CampaignsDetail on ResolutionCampaign {\n    id\n    title\n    resolutionText\n    decisionBody\n    meetingAt\n    stage\n    stageHistory {\n      at\n      from\n      to\n      note\n    }\n    milestones {\n      id\n      title\n      dueAt\n      doneAt\n    }\n    petitions {\n      id\n      title\n      status\n      goal\n      signatureCount\n    }\n    progress {\n      percent\n      milestonesDone\n      milestonesTotal\n      signatureCount\n      signatureGoal\n    }\n    vote {\n      votesFor\n      votesAgainst\n      abstentions\n      heldAt\n    }\n  }\n"): (typeof documents)["\n  fragment CampaignsDetail on ResolutionCampaign {\n    id\n    title\n    resolutionText\n    decisionBody\n    meetingAt\n    stage\n    stageHistory {\n      at\n      from\n      to\n      note\n    }\n    milestones {\n      id\n      title\n      dueAt\n      doneAt\n    }\n    petitions {\n      id\n      title\n      status\n      goal\n      signatureCount\n    }\n    progress {\n      percent\n      milestonesDone\n      milestonesTotal\n      signatureCount\n      signatureGoal\n    }\n    vote {\n      votesFor\n      votesAgainst\n      abstentions\n      heldAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignsCampaign($id: ID!) {\n    campaign(id: $id) {\n      ...CampaignsDetail\n    }\n  }\n"): (typeof documents)["\n  query CampaignsCampaign($id: ID!) {\n    campaign(id: $id) {\n      ...CampaignsDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignsOrganizerWho($id: ID!) {\n    campaign(id: $id) {\n      id\n      stageHistory {\n        at\n        to\n        by {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignsOrganizerWho($id: ID!) {\n    campaign(id: $id) {\n      id\n      stageHistory {\n        at\n        to\n        by {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CampaignsAdvance($input: AdvanceStageInput!) {\n    advanceCampaignStage(input: $input) {\n      ...CampaignsDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CampaignsAdvance($input: AdvanceStageInput!) {\n    advanceCampaignStage(input: $input) {\n      ...CampaignsDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CampaignsRecordVote($input: RecordVoteInput!) {\n    recordVote(input: $input) {\n      ...CampaignsDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CampaignsRecordVote($input: RecordVoteInput!) {\n    recordVote(input: $input) {\n      ...CampaignsDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CampaignsAddMilestone($input: MilestoneInput!) {\n    addMilestone(input: $input) {\n      id\n      title\n      dueAt\n      doneAt\n    }\n  }\n"): (typeof documents)["\n  mutation CampaignsAddMilestone($input: MilestoneInput!) {\n    addMilestone(input: $input) {\n      id\n      title\n      dueAt\n      doneAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CampaignsCompleteMilestone($id: ID!) {\n    completeMilestone(id: $id) {\n      id\n      doneAt\n    }\n  }\n"): (typeof documents)["\n  mutation CampaignsCompleteMilestone($id: ID!) {\n    completeMilestone(id: $id) {\n      id\n      doneAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CampaignsLinkPetition($campaignId: ID!, $petitionId: ID!) {\n    linkPetition(campaignId: $campaignId, petitionId: $petitionId) {\n      ...CampaignsDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CampaignsLinkPetition($campaignId: ID!, $petitionId: ID!) {\n    linkPetition(campaignId: $campaignId, petitionId: $petitionId) {\n      ...CampaignsDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignsPetitions($localId: ID!) {\n    petitions(localId: $localId, first: 100) {\n      nodes {\n        id\n        title\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignsPetitions($localId: ID!) {\n    petitions(localId: $localId, first: 100) {\n      nodes {\n        id\n        title\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CampaignsCreate($input: CampaignInput!) {\n    createCampaign(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CampaignsCreate($input: CampaignInput!) {\n    createCampaign(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardDashboard($localId: ID!) {\n    localDashboard(localId: $localId) {\n      memberCount\n      coverage\n      oneOnOnesLast30Days\n      kyrTrainedCount\n      membersBySupportLevel {\n        level\n        count\n      }\n      coverageHistory {\n        weekEnding\n        memberCount\n        coveredCount\n        share\n      }\n      workplaces {\n        memberCount\n        coverage\n        kyrTrainedCount\n        committeeCoverage\n        workplace {\n          id\n          name\n        }\n      }\n      openPetitions {\n        id\n        title\n        goal\n        signatureCount\n      }\n      campaigns {\n        id\n        stage\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardDashboard($localId: ID!) {\n    localDashboard(localId: $localId) {\n      memberCount\n      coverage\n      oneOnOnesLast30Days\n      kyrTrainedCount\n      membersBySupportLevel {\n        level\n        count\n      }\n      coverageHistory {\n        weekEnding\n        memberCount\n        coveredCount\n        share\n      }\n      workplaces {\n        memberCount\n        coverage\n        kyrTrainedCount\n        committeeCoverage\n        workplace {\n          id\n          name\n        }\n      }\n      openPetitions {\n        id\n        title\n        goal\n        signatureCount\n      }\n      campaigns {\n        id\n        stage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteePage($id: ID!) {\n    committee(id: $id) {\n      id\n      name\n      kind\n      archivedAt\n      coverage\n      ratio\n      membershipCount\n      workplace {\n        id\n        name\n        memberCount\n      }\n      memberships(first: 40) {\n        totalCount\n        nodes {\n          id\n          role\n          contactCount\n          unit {\n            id\n            name\n          }\n          member {\n            id\n            firstName\n            lastName\n            preferredName\n          }\n          contacts(first: 25) {\n            nodes {\n              id\n              firstName\n              lastName\n              preferredName\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommitteePage($id: ID!) {\n    committee(id: $id) {\n      id\n      name\n      kind\n      archivedAt\n      coverage\n      ratio\n      membershipCount\n      workplace {\n        id\n        name\n        memberCount\n      }\n      memberships(first: 40) {\n        totalCount\n        nodes {\n          id\n          role\n          contactCount\n          unit {\n            id\n            name\n          }\n          member {\n            id\n            firstName\n            lastName\n            preferredName\n          }\n          contacts(first: 25) {\n            nodes {\n              id\n              firstName\n              lastName\n              preferredName\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteeUnits($id: ID!) {\n    workplace(id: $id) {\n      id\n      units {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommitteeUnits($id: ID!) {\n    workplace(id: $id) {\n      id\n      units {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteeMemberUnit($id: ID!) {\n    member(id: $id) {\n      id\n      unit {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommitteeMemberUnit($id: ID!) {\n    member(id: $id) {\n      id\n      unit {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteeCandidates($localId: ID!, $workplaceId: ID, $unitId: ID, $search: String) {\n    members(\n      localId: $localId\n      first: 100\n      filter: { workplaceId: $workplaceId, unitId: $unitId, search: $search }\n    ) {\n      totalCount\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommitteeCandidates($localId: ID!, $workplaceId: ID, $unitId: ID, $search: String) {\n    members(\n      localId: $localId\n      first: 100\n      filter: { workplaceId: $workplaceId, unitId: $unitId, search: $search }\n    ) {\n      totalCount\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommitteeSeat($input: CommitteeMembershipInput!) {\n    addCommitteeMember(input: $input) {\n      id\n      committee {\n        id\n        membershipCount\n        coverage\n        ratio\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CommitteeSeat($input: CommitteeMembershipInput!) {\n    addCommitteeMember(input: $input) {\n      id\n      committee {\n        id\n        membershipCount\n        coverage\n        ratio\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommitteeUnseat($id: ID!) {\n    removeCommitteeMember(id: $id)\n  }\n"): (typeof documents)["\n  mutation CommitteeUnseat($id: ID!) {\n    removeCommitteeMember(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommitteeAssign($input: AssignContactsInput!) {\n    assignContacts(input: $input) {\n      id\n      contactCount\n      committee {\n        id\n        coverage\n        ratio\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CommitteeAssign($input: AssignContactsInput!) {\n    assignContacts(input: $input) {\n      id\n      contactCount\n      committee {\n        id\n        coverage\n        ratio\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommitteeArchive($id: ID!) {\n    archiveCommittee(id: $id) {\n      id\n      archivedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CommitteeArchive($id: ID!) {\n    archiveCommittee(id: $id) {\n      id\n      archivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteesList($localId: ID!) {\n    committees(localId: $localId, first: 100) {\n      totalCount\n      nodes {\n        id\n        name\n        kind\n        archivedAt\n        membershipCount\n        coverage\n        ratio\n        workplace {\n          id\n          name\n          memberCount\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommitteesList($localId: ID!) {\n    committees(localId: $localId, first: 100) {\n      totalCount\n      nodes {\n        id\n        name\n        kind\n        archivedAt\n        membershipCount\n        coverage\n        ratio\n        workplace {\n          id\n          name\n          memberCount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteesWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommitteesWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommitteesCreate($input: CommitteeInput!) {\n    createCommittee(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CommitteesCreate($input: CommitteeInput!) {\n    createCommittee(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskIncident($id: ID!) {\n    me {\n      id\n    }\n    incident(id: $id) {\n      id\n      kind\n      status\n      location\n      details\n      reportedAt\n      createdAt\n      expiresAt\n      workplace {\n        id\n        name\n      }\n      verifications {\n        id\n        at\n        outcome\n        note\n        by {\n          id\n          displayName\n        }\n      }\n      alerts {\n        id\n        status\n        audience\n        message\n        createdAt\n        sentAt\n        recipientCount\n        deliveredCount\n        failedCount\n        proposedBy {\n          id\n          displayName\n        }\n        approvedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskIncident($id: ID!) {\n    me {\n      id\n    }\n    incident(id: $id) {\n      id\n      kind\n      status\n      location\n      details\n      reportedAt\n      createdAt\n      expiresAt\n      workplace {\n        id\n        name\n      }\n      verifications {\n        id\n        at\n        outcome\n        note\n        by {\n          id\n          displayName\n        }\n      }\n      alerts {\n        id\n        status\n        audience\n        message\n        createdAt\n        sentAt\n        recipientCount\n        deliveredCount\n        failedCount\n        proposedBy {\n          id\n          displayName\n        }\n        approvedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskVerifyIncident($input: VerifyIncidentInput!) {\n    verifyIncident(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeskVerifyIncident($input: VerifyIncidentInput!) {\n    verifyIncident(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskProposeAlert($input: ProposeAlertInput!) {\n    proposeAlert(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeskProposeAlert($input: ProposeAlertInput!) {\n    proposeAlert(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskApproveAlert($id: ID!) {\n    approveAlert(id: $id) {\n      id\n      status\n      recipientCount\n    }\n  }\n"): (typeof documents)["\n  mutation DeskApproveAlert($id: ID!) {\n    approveAlert(id: $id) {\n      id\n      status\n      recipientCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskCancelAlert($id: ID!) {\n    cancelAlert(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeskCancelAlert($id: ID!) {\n    cancelAlert(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskCloseIncident($id: ID!) {\n    closeIncident(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeskCloseIncident($id: ID!) {\n    closeIncident(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskIncidents($localId: ID!, $status: IncidentStatus, $first: Int!) {\n    incidents(localId: $localId, status: $status, first: $first) {\n      totalCount\n      nodes {\n        id\n        kind\n        status\n        location\n        reportedAt\n        expiresAt\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskIncidents($localId: ID!, $status: IncidentStatus, $first: Int!) {\n    incidents(localId: $localId, status: $status, first: $first) {\n      totalCount\n      nodes {\n        id\n        kind\n        status\n        location\n        reportedAt\n        expiresAt\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskReportIncident($input: ReportIncidentInput!) {\n    reportIncident(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeskReportIncident($input: ReportIncidentInput!) {\n    reportIncident(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskResponders($localId: ID!) {\n    responders(localId: $localId, first: 50) {\n      totalCount\n      nodes {\n        id\n        available\n        skills\n        member {\n          id\n          firstName\n          lastName\n          preferredName\n        }\n        workplaces {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskResponders($localId: ID!) {\n    responders(localId: $localId, first: 50) {\n      totalCount\n      nodes {\n        id\n        available\n        skills\n        member {\n          id\n          firstName\n          lastName\n          preferredName\n        }\n        workplaces {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskSetResponder($input: ResponderInput!) {\n    setResponder(input: $input) {\n      id\n      available\n      skills\n    }\n  }\n"): (typeof documents)["\n  mutation DeskSetResponder($input: ResponderInput!) {\n    setResponder(input: $input) {\n      id\n      available\n      skills\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskRemoveResponder($memberId: ID!) {\n    removeResponder(memberId: $memberId)\n  }\n"): (typeof documents)["\n  mutation DeskRemoveResponder($memberId: ID!) {\n    removeResponder(memberId: $memberId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskPlaces($localId: ID!) {\n    workplaces(localId: $localId, first: 50) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskPlaces($localId: ID!) {\n    workplaces(localId: $localId, first: 50) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventsWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsCreate($input: EventInput!) {\n    createEvent(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation EventsCreate($input: EventInput!) {\n    createEvent(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsEdit($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      kind\n      description\n      startsAt\n      endsAt\n      location\n      capacity\n      status\n      workplace {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventsEdit($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      kind\n      description\n      startsAt\n      endsAt\n      location\n      capacity\n      status\n      workplace {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsUpdate($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      id\n      title\n      description\n      startsAt\n      endsAt\n      location\n      capacity\n      full\n    }\n  }\n"): (typeof documents)["\n  mutation EventsUpdate($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      id\n      title\n      description\n      startsAt\n      endsAt\n      location\n      capacity\n      full\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventPage($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      kind\n      description\n      startsAt\n      endsAt\n      location\n      status\n      capacity\n      full\n      rsvpCount\n      attendedCount\n      workplace {\n        id\n        name\n      }\n      attendances(first: 100) {\n        totalCount\n        nodes {\n          id\n          rsvp\n          attended\n          member {\n            id\n            firstName\n            lastName\n            preferredName\n            unit {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventPage($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      kind\n      description\n      startsAt\n      endsAt\n      location\n      status\n      capacity\n      full\n      rsvpCount\n      attendedCount\n      workplace {\n        id\n        name\n      }\n      attendances(first: 100) {\n        totalCount\n        nodes {\n          id\n          rsvp\n          attended\n          member {\n            id\n            firstName\n            lastName\n            preferredName\n            unit {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsCancel($id: ID!) {\n    cancelEvent(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation EventsCancel($id: ID!) {\n    cancelEvent(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsRsvp($input: RsvpInput!) {\n    rsvp(input: $input) {\n      id\n      rsvp\n      attended\n      event {\n        id\n        rsvpCount\n        full\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EventsRsvp($input: RsvpInput!) {\n    rsvp(input: $input) {\n      id\n      rsvp\n      attended\n      event {\n        id\n        rsvpCount\n        full\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsList($localId: ID!, $from: DateTime, $to: DateTime) {\n    events(localId: $localId, first: 50, filter: { from: $from, to: $to, includeCancelled: true }) {\n      totalCount\n      nodes {\n        id\n        title\n        kind\n        startsAt\n        location\n        status\n        capacity\n        full\n        rsvpCount\n        attendedCount\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventsList($localId: ID!, $from: DateTime, $to: DateTime) {\n    events(localId: $localId, first: 50, filter: { from: $from, to: $to, includeCancelled: true }) {\n      totalCount\n      nodes {\n        id\n        title\n        kind\n        startsAt\n        location\n        status\n        capacity\n        full\n        rsvpCount\n        attendedCount\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsDoor($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n      status\n      attendedCount\n      workplace {\n        id\n        name\n      }\n      attendances(first: 100) {\n        nodes {\n          id\n          attended\n          member {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventsDoor($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n      status\n      attendedCount\n      workplace {\n        id\n        name\n      }\n      attendances(first: 100) {\n        nodes {\n          id\n          attended\n          member {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsDoorSearch($localId: ID!, $search: String!, $workplaceId: ID) {\n    members(localId: $localId, first: 8, filter: { search: $search, workplaceId: $workplaceId }) {\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventsDoorSearch($localId: ID!, $search: String!, $workplaceId: ID) {\n    members(localId: $localId, first: 8, filter: { search: $search, workplaceId: $workplaceId }) {\n      nodes {\n        id\n        firstName\n        lastName\n        preferredName\n        unit {\n          id\n          name\n        }\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsRecordAttendance($input: AttendanceInput!) {\n    recordAttendance(input: $input) {\n      id\n      attended\n      member {\n        id\n      }\n      event {\n        id\n        attendedCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EventsRecordAttendance($input: AttendanceInput!) {\n    recordAttendance(input: $input) {\n      id\n      attended\n      member {\n        id\n      }\n      event {\n        id\n        attendedCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersExport($localId: ID!) {\n    exportMembers(localId: $localId)\n  }\n"): (typeof documents)["\n  query MembersExport($localId: ID!) {\n    exportMembers(localId: $localId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberCardFields on Member {\n    id\n    firstName\n    preferredName\n    supportLevel\n    lastContactAt\n    archivedAt\n    unit {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment MemberCardFields on Member {\n    id\n    firstName\n    preferredName\n    supportLevel\n    lastContactAt\n    archivedAt\n    unit {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberPage($id: ID!) {\n    member(id: $id) {\n      id\n      firstName\n      lastName\n      preferredName\n      phone\n      email\n      preferredLanguage\n      supportLevel\n      lastContactAt\n      status\n      tags\n      cardSignedAt\n      alertOptIn\n      archivedAt\n      workplace {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n      oneOnOnes(first: 50) {\n        totalCount\n        nodes {\n          id\n          occurredAt\n          channel\n          supportLevel\n          issues\n          notes\n          nextStep\n          followUpAt\n          followUpDoneAt\n          steward {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberPage($id: ID!) {\n    member(id: $id) {\n      id\n      firstName\n      lastName\n      preferredName\n      phone\n      email\n      preferredLanguage\n      supportLevel\n      lastContactAt\n      status\n      tags\n      cardSignedAt\n      alertOptIn\n      archivedAt\n      workplace {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n      oneOnOnes(first: 50) {\n        totalCount\n        nodes {\n          id\n          occurredAt\n          channel\n          supportLevel\n          issues\n          notes\n          nextStep\n          followUpAt\n          followUpDoneAt\n          steward {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query MembersEdit($id: ID!) {\n    member(id: $id) {\n      id\n      firstName\n      lastName\n      preferredName\n      email\n      phone\n      preferredLanguage\n      status\n      tags\n      cardSignedAt\n      alertOptIn\n      workplace {\n        id\n      }\n      unit {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembersEdit($id: ID!) {\n    member(id: $id) {\n      id\n      firstName\n      lastName\n      preferredName\n      email\n      phone\n      preferredLanguage\n      status\n      tags\n      cardSignedAt\n      alertOptIn\n      workplace {\n        id\n      }\n      unit {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MembersUpdate($id: ID!, $input: UpdateMemberInput!) {\n    updateMember(id: $id, input: $input) {\n      id\n      firstName\n      lastName\n      preferredName\n      email\n      phone\n      preferredLanguage\n      status\n      tags\n      cardSignedAt\n      alertOptIn\n      workplace {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MembersUpdate($id: ID!, $input: UpdateMemberInput!) {\n    updateMember(id: $id, input: $input) {\n      id\n      firstName\n      lastName\n      preferredName\n      email\n      phone\n      preferredLanguage\n      status\n      tags\n      cardSignedAt\n      alertOptIn\n      workplace {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MembersImport($localId: ID!, $csv: String!) {\n    importMembers(localId: $localId, csv: $csv) {\n      created\n      updated\n      skipped\n      errors {\n        row\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MembersImport($localId: ID!, $csv: String!) {\n    importMembers(localId: $localId, csv: $csv) {\n      created\n      updated\n      skipped\n      errors {\n        row\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MembersArchive($id: ID!) {\n    archiveMember(id: $id) {\n      id\n      archivedAt\n    }\n  }\n"): (typeof documents)["\n  mutation MembersArchive($id: ID!) {\n    archiveMember(id: $id) {\n      id\n      archivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MembersErase($id: ID!) {\n    eraseMember(id: $id)\n  }\n"): (typeof documents)["\n  mutation MembersErase($id: ID!) {\n    eraseMember(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MembersCreate($input: MemberInput!) {\n    createMember(input: $input) {\n      id\n      firstName\n    }\n  }\n"): (typeof documents)["\n  mutation MembersCreate($input: MemberInput!) {\n    createMember(input: $input) {\n      id\n      firstName\n    }\n  }\n"];
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
export function graphql(source: "\n  query PetitionsAll($localId: ID!, $status: PetitionStatus, $after: String) {\n    petitions(localId: $localId, status: $status, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        title\n        target\n        status\n        goal\n        signatureCount\n        deadline\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PetitionsAll($localId: ID!, $status: PetitionStatus, $after: String) {\n    petitions(localId: $localId, status: $status, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        title\n        target\n        status\n        goal\n        signatureCount\n        deadline\n        workplace {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PetitionsWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n        headcount\n      }\n    }\n  }\n"): (typeof documents)["\n  query PetitionsWorkplaces($localId: ID!) {\n    workplaces(localId: $localId, first: 100) {\n      nodes {\n        id\n        name\n        headcount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PetitionsCreate($input: PetitionInput!) {\n    createPetition(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PetitionsCreate($input: PetitionInput!) {\n    createPetition(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PetitionsManage($id: ID!) {\n    petition(id: $id) {\n      id\n      status\n      createdAt\n      openedAt\n      deliveredAt\n      deadline\n      byUnit {\n        members\n        signed\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PetitionsManage($id: ID!) {\n    petition(id: $id) {\n      id\n      status\n      createdAt\n      openedAt\n      deliveredAt\n      deadline\n      byUnit {\n        members\n        signed\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PetitionsOpen($id: ID!) {\n    openPetition(id: $id) {\n      id\n      status\n      openedAt\n    }\n  }\n"): (typeof documents)["\n  mutation PetitionsOpen($id: ID!) {\n    openPetition(id: $id) {\n      id\n      status\n      openedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PetitionsDeliver($id: ID!) {\n    deliverPetition(id: $id) {\n      id\n      status\n      deliveredAt\n    }\n  }\n"): (typeof documents)["\n  mutation PetitionsDeliver($id: ID!) {\n    deliverPetition(id: $id) {\n      id\n      status\n      deliveredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PetitionsClose($id: ID!, $status: PetitionStatus!) {\n    closePetition(id: $id, status: $status) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PetitionsClose($id: ID!, $status: PetitionStatus!) {\n    closePetition(id: $id, status: $status) {\n      id\n      status\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallChartWorkplace($id: ID!) {\n    workplace(id: $id) {\n      id\n      name\n      kind\n      employer\n      address\n      headcount\n      archivedAt\n      units {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query WallChartWorkplace($id: ID!) {\n    workplace(id: $id) {\n      id\n      name\n      kind\n      employer\n      address\n      headcount\n      archivedAt\n      units {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallChartPetitions($localId: ID!) {\n    petitions(localId: $localId, status: OPEN, first: 100) {\n      nodes {\n        id\n        title\n        workplace {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WallChartPetitions($localId: ID!) {\n    petitions(localId: $localId, status: OPEN, first: 100) {\n      nodes {\n        id\n        title\n        workplace {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkplacesCreate($input: WorkplaceInput!) {\n    createWorkplace(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation WorkplacesCreate($input: WorkplaceInput!) {\n    createWorkplace(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkplacesUpdate($id: ID!, $input: UpdateWorkplaceInput!) {\n    updateWorkplace(id: $id, input: $input) {\n      id\n      name\n      employer\n      address\n      headcount\n      units {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WorkplacesUpdate($id: ID!, $input: UpdateWorkplaceInput!) {\n    updateWorkplace(id: $id, input: $input) {\n      id\n      name\n      employer\n      address\n      headcount\n      units {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkplacesArchive($id: ID!) {\n    archiveWorkplace(id: $id) {\n      id\n      archivedAt\n    }\n  }\n"): (typeof documents)["\n  mutation WorkplacesArchive($id: ID!) {\n    archiveWorkplace(id: $id) {\n      id\n      archivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkplacesPage($localId: ID!, $after: String, $includeArchived: Boolean) {\n    workplaces(localId: $localId, first: 50, after: $after, includeArchived: $includeArchived) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        kind\n        employer\n        headcount\n        memberCount\n        archivedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkplacesPage($localId: ID!, $after: String, $includeArchived: Boolean) {\n    workplaces(localId: $localId, first: 50, after: $after, includeArchived: $includeArchived) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        kind\n        employer\n        headcount\n        memberCount\n        archivedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallChartMembers($localId: ID!, $workplaceId: ID!, $after: String) {\n    members(localId: $localId, filter: { workplaceId: $workplaceId }, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        firstName\n        preferredName\n        supportLevel\n        lastContactAt\n        unit {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WallChartMembers($localId: ID!, $workplaceId: ID!, $after: String) {\n    members(localId: $localId, filter: { workplaceId: $workplaceId }, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        firstName\n        preferredName\n        supportLevel\n        lastContactAt\n        unit {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallChartSignatures($id: ID!, $after: String) {\n    petition(id: $id) {\n      id\n      signatures(first: 100, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          id\n          member {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WallChartSignatures($id: ID!, $after: String) {\n    petition(id: $id) {\n      id\n      signatures(first: 100, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          id\n          member {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallChartTrainings($localId: ID!, $from: DateTime!, $to: DateTime!, $after: String) {\n    events(\n      localId: $localId\n      filter: { kind: KYR_TRAINING, from: $from, to: $to, includeCancelled: true }\n      first: 100\n      after: $after\n    ) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query WallChartTrainings($localId: ID!, $from: DateTime!, $to: DateTime!, $after: String) {\n    events(\n      localId: $localId\n      filter: { kind: KYR_TRAINING, from: $from, to: $to, includeCancelled: true }\n      first: 100\n      after: $after\n    ) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallChartAttendances($id: ID!, $after: String) {\n    event(id: $id) {\n      id\n      attendances(first: 100, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          id\n          attended\n          member {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WallChartAttendances($id: ID!, $after: String) {\n    event(id: $id) {\n      id\n      attendances(first: 100, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          id\n          attended\n          member {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallChartCommittees($localId: ID!, $workplaceId: ID!, $after: String) {\n    committees(localId: $localId, workplaceId: $workplaceId, first: 100, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        archivedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query WallChartCommittees($localId: ID!, $workplaceId: ID!, $after: String) {\n    committees(localId: $localId, workplaceId: $workplaceId, first: 100, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        archivedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallChartContacts($id: ID!, $first: Int!, $after: String, $contactsAfter: String) {\n    committee(id: $id) {\n      id\n      memberships(first: $first, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          id\n          contacts(first: 100, after: $contactsAfter) {\n            pageInfo {\n              endCursor\n              hasNextPage\n            }\n            nodes {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WallChartContacts($id: ID!, $first: Int!, $after: String, $contactsAfter: String) {\n    committee(id: $id) {\n      id\n      memberships(first: $first, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          id\n          contacts(first: 100, after: $contactsAfter) {\n            pageInfo {\n              endCursor\n              hasNextPage\n            }\n            nodes {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallChartSeatCursor($id: ID!, $first: Int!, $after: String) {\n    committee(id: $id) {\n      id\n      memberships(first: $first, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WallChartSeatCursor($id: ID!, $first: Int!, $after: String) {\n    committee(id: $id) {\n      id\n      memberships(first: $first, after: $after) {\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;