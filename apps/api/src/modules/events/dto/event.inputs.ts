import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IdField, OptionalDate, OptionalText, RequiredText } from '../../../graphql/fields';
import { EventKind, RsvpStatus } from '../event.entity';
import { LIST_MAX } from '../../../graphql/query-cost';

/** How many members one recordAttendance takes: a training's sign-in sheet, in one call. */
export const MAX_ATTENDANCE_BATCH = LIST_MAX.attendanceBatch;

@InputType()
export class EventInput {
  @IdField() localId: string;

  @IdField({ optional: true, description: 'Leave out for an event of the whole local.' })
  workplaceId?: string | null;

  @Field(() => EventKind) @IsEnum(EventKind) kind: EventKind;

  @RequiredText(200) title: string;

  @OptionalText(5000) description?: string | null;

  @Field(() => Date)
  @IsDate({ message: 'startsAt must be a date and time' })
  startsAt: Date;

  @OptionalDate() endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone; UTC by default.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;

  @OptionalText(500) location?: string | null;

  @Field(() => Int, { nullable: true, description: 'A soft limit: the event reports it is full.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(1_000_000)
  capacity?: number | null;
}

@InputType()
export class UpdateEventInput {
  @RequiredText(200, { mayLeaveOut: true }) title?: string;

  @OptionalText(5000) description?: string | null;

  @OptionalDate() startsAt?: Date | null;

  @OptionalDate() endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;

  @OptionalText(500) location?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(1_000_000)
  capacity?: number | null;
}

@InputType()
export class EventFilter {
  @Field(() => EventKind, { nullable: true }) @IsOptional() @IsEnum(EventKind) kind?: EventKind | null;
  @IdField({ optional: true }) workplaceId?: string | null;
  @OptionalDate() from?: Date | null;
  @OptionalDate() to?: Date | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() includeCancelled?: boolean | null;
}

@InputType()
export class RsvpInput {
  @IdField() eventId: string;
  @IdField() memberId: string;
  @Field(() => RsvpStatus) @IsEnum(RsvpStatus) status: RsvpStatus;
}

@InputType()
export class AttendanceInput {
  @IdField() eventId: string;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'memberIds must name at least one member' })
  @ArrayMaxSize(MAX_ATTENDANCE_BATCH, { message: `memberIds takes at most ${MAX_ATTENDANCE_BATCH} members` })
  @IsUUID('all', { each: true, message: 'memberIds must be ids' })
  memberIds: string[];

  @Field(() => Boolean) @IsBoolean() attended: boolean;
}
