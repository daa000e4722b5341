import { badInput, PetitionStatus } from '@juntos/common';

const { DRAFT, OPEN, DELIVERED, WON, LOST, CLOSED } = PetitionStatus;

/**
 * DRAFT → OPEN → DELIVERED → WON or LOST; CLOSED from any state but CLOSED. Anything else is
 * refused, naming the current state and what it can move to.
 */
const MOVES: Record<PetitionStatus, PetitionStatus[]> = {
  [DRAFT]: [OPEN, CLOSED],
  [OPEN]: [DELIVERED, CLOSED],
  [DELIVERED]: [WON, LOST, CLOSED],
  [WON]: [CLOSED],
  [LOST]: [CLOSED],
  [CLOSED]: [],
};

export function allowedMoves(from: PetitionStatus): PetitionStatus[] {
  return MOVES[from];
}

export function assertMove(from: PetitionStatus, to: PetitionStatus): void {
  if (!MOVES[from].includes(to)) {
    const options = MOVES[from].length
      ? `it can move to ${MOVES[from].join(' or ')}`
      : 'it cannot change any more';
    throw badInput(`The petition is ${from}: ${options}, not ${to}.`, 'status');
  }
}

/** closePetition's targets. */
export const CLOSING_STATUSES = [WON, LOST, CLOSED];

/** A majority of the headcount: floor(headcount / 2) + 1. */
export function majorityOf(headcount: number): number {
  return Math.floor(headcount / 2) + 1;
}

/** The goal: given, or a majority of the workplace headcount. Null when neither exists. */
export function defaultGoal(
  given: number | null | undefined,
  headcount: number | null | undefined,
): number | null {
  if (given !== null && given !== undefined) return given;
  return headcount ? majorityOf(headcount) : null;
}

/** signatureCount / goal, 0 when the goal is 0. */
export const progressOf = (count: number, goal: number): number => (goal > 0 ? count / goal : 0);
