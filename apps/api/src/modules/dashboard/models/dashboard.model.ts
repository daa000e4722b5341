import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { LIST_MAX, listCost } from '../../../graphql/query-cost';
import { MembershipStatus } from '@juntos/common';
import { ResolutionCampaign } from '../../campaigns/models/campaign.model';
import { Event } from '../../events/models/event.model';
import { Local } from '../../locals/models/local.model';
import { Petition } from '../../petitions/models/petition.model';
import { Workplace } from '../../workplaces/models/workplace.model';
import type { DashboardNumbers } from '../dashboard.service';

@ObjectType({ description: 'Members at one support level; level null counts those never assessed.' })
export class LevelCount {
  @Field(() => Int, { nullable: true }) level: number | null;
  @Field(() => Int) count: number;
}

@ObjectType()
export class StatusCount {
  @Field(() => MembershipStatus) status: MembershipStatus;
  @Field(() => Int) count: number;
}

@ObjectType()
export class WorkplaceStats {
  @Field(() => Workplace) workplace: Workplace;
  @Field(() => Int) memberCount: number;
  @Field(() => Int) assessedCount: number;
  @Field(() => Int, { description: 'Members assessed 1 or 2.' }) supporterCount: number;
  @Field(() => Float, { description: 'Share of members with a one-on-one in the last 90 days.' })
  coverage: number;
  @Field(() => Int) openPetitions: number;
  @Field(() => Int, { description: 'Members who attended a know-your-rights training in the last 365 days.' })
  kyrTrainedCount: number;
  @Field(() => Float, {
    description: "Share of the workplace's members assigned to a committee member.",
  })
  committeeCoverage: number;
}

@ObjectType({
  description:
    "One week of the local's coverage history: members not archived at the week's end, and how many of them had a one-on-one in the 30 days before it. Numbers only.",
})
export class CoverageWeek {
  @Field({ description: 'When the week ends: now for the latest, then a week earlier each.' })
  weekEnding: Date;
  @Field(() => Int) memberCount: number;
  @Field(() => Int) coveredCount: number;
  @Field(() => Float, { description: 'coveredCount / memberCount, 0 with no members.' })
  share: number;
}

@ObjectType({ description: "Where a local stands: numbers only, never a member's name." })
export class LocalDashboard {
  @Field(() => Local) local: Local;
  @Field(() => Int) memberCount: number;
  @Field(() => [LevelCount], { complexity: listCost(LIST_MAX.supportLevels) })
  membersBySupportLevel: LevelCount[];
  @Field(() => [StatusCount], { complexity: listCost(LIST_MAX.statuses) }) membersByStatus: StatusCount[];
  @Field(() => Int) oneOnOnesLast30Days: number;
  @Field(() => Float, { description: 'Share of members with a one-on-one in the last 90 days.' })
  coverage: number;
  @Field(() => Int) overdueFollowUps: number;
  @Field(() => [WorkplaceStats], { complexity: listCost(LIST_MAX.workplaces) }) workplaces: WorkplaceStats[];
  @Field(() => [Petition], { complexity: listCost(LIST_MAX.campaignItems) }) openPetitions: Petition[];
  @Field(() => [ResolutionCampaign], { complexity: listCost(LIST_MAX.campaignItems) })
  campaigns: ResolutionCampaign[];
  @Field(() => Int, { description: 'Members who attended a know-your-rights training in the last 365 days.' })
  kyrTrainedCount: number;
  @Field(() => [Event], {
    complexity: listCost(LIST_MAX.upcomingEvents),
    description: 'The next scheduled events, soonest first.',
  })
  upcomingEvents: Event[];

  static from(d: DashboardNumbers): LocalDashboard {
    return {
      local: Local.from(d.local),
      memberCount: d.memberCount,
      membersBySupportLevel: d.membersBySupportLevel,
      membersByStatus: d.membersByStatus,
      oneOnOnesLast30Days: d.oneOnOnesLast30Days,
      coverage: d.coverage,
      overdueFollowUps: d.overdueFollowUps,
      workplaces: d.workplaces.map((w) => ({
        workplace: Workplace.from(w.workplace),
        memberCount: w.memberCount,
        assessedCount: w.assessedCount,
        supporterCount: w.supporterCount,
        coverage: w.coverage,
        openPetitions: w.openPetitions,
        kyrTrainedCount: w.kyrTrainedCount,
        committeeCoverage: w.committeeCoverage,
      })),
      openPetitions: d.openPetitions.map(Petition.from),
      campaigns: d.campaigns.map(ResolutionCampaign.from),
      kyrTrainedCount: d.kyrTrainedCount,
      upcomingEvents: d.upcomingEvents.map(Event.from),
    };
  }
}
