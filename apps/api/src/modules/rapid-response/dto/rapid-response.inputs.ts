import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsEnum, IsUUID } from 'class-validator';
import { IdField, OptionalDate, OptionalText, RequiredText } from '../../../graphql/fields';
import { LIST_MAX } from '../../../graphql/query-cost';
import { AlertAudience, IncidentKind, ResponderSkill, VerificationOutcome } from '../rapid-response.entity';

export const LOCATION_MAX = 300;
export const DETAILS_MAX = 5000;
export const NOTE_MAX = 1000;
export const MESSAGE_MAX = 320;

@InputType()
export class ReportIncidentInput {
  @IdField() localId: string;

  @IdField({
    optional: true,
    description: 'A worksite or building of the local; leave out for a road or a corner.',
  })
  workplaceId?: string | null;

  @Field(() => IncidentKind) @IsEnum(IncidentKind) kind: IncidentKind;

  @OptionalText(LOCATION_MAX, 'An approximate place (a gate, a corner), never a home address.')
  location?: string | null;

  @OptionalText(DETAILS_MAX, 'Encrypted at rest; erased when the incident expires.')
  details?: string | null;

  @OptionalDate('When it was seen; not in the future. Defaults to now.')
  reportedAt?: Date | null;
}

@InputType()
export class VerifyIncidentInput {
  @IdField() incidentId: string;
  @Field(() => VerificationOutcome) @IsEnum(VerificationOutcome) outcome: VerificationOutcome;
  @OptionalText(NOTE_MAX, 'Encrypted at rest; erased when the incident expires.') note?: string | null;
}

@InputType()
export class ProposeAlertInput {
  @IdField() incidentId: string;
  @Field(() => AlertAudience) @IsEnum(AlertAudience) audience: AlertAudience;
  @RequiredText(MESSAGE_MAX, {
    description: 'What is happening, where, and what people’s rights are: one text.',
  })
  message: string;
}

@InputType()
export class ResponderInput {
  @IdField() memberId: string;

  @Field(() => [ResponderSkill])
  @ArrayUnique({ message: 'skills must not repeat a skill' })
  @IsEnum(ResponderSkill, { each: true })
  skills: ResponderSkill[];

  @Field(() => [ID], { description: 'The worksites and buildings this responder covers.' })
  @ArrayMaxSize(LIST_MAX.responderWorkplaces, {
    message: `workplaceIds takes at most ${LIST_MAX.responderWorkplaces} workplaces`,
  })
  @IsUUID('all', { each: true, message: 'workplaceIds must be ids' })
  workplaceIds: string[];

  @Field() @IsBoolean() available: boolean;
}
