import { PetitionStatus } from '@juntos/common';
import { allowedMoves, assertMove, defaultGoal, majorityOf, progressOf } from './petition-rules';

const { DRAFT, OPEN, DELIVERED, WON, LOST, CLOSED } = PetitionStatus;
const ALL = [DRAFT, OPEN, DELIVERED, WON, LOST, CLOSED];

describe('petition status machine', () => {
  const allowed: [PetitionStatus, PetitionStatus][] = [
    [DRAFT, OPEN],
    [OPEN, DELIVERED],
    [DELIVERED, WON],
    [DELIVERED, LOST],
    ...[DRAFT, OPEN, DELIVERED, WON, LOST].map((s) => [s, CLOSED] as [PetitionStatus, PetitionStatus]),
  ];

  it.each(allowed)('allows %s → %s', (from, to) => expect(() => assertMove(from, to)).not.toThrow());

  const refused = ALL.flatMap((from) =>
    ALL.map((to) => [from, to] as [PetitionStatus, PetitionStatus]),
  ).filter(([from, to]) => !allowed.some(([f, t]) => f === from && t === to));
  it.each(refused)('refuses %s → %s, naming the current state', (from, to) => {
    expect(() => assertMove(from, to)).toThrow(
      expect.objectContaining({ message: expect.stringContaining(`The petition is ${from}`) }),
    );
  });

  it('says what a state can move to', () => {
    expect(() => assertMove(DRAFT, WON)).toThrow(
      'The petition is DRAFT: it can move to OPEN or CLOSED, not WON.',
    );
    expect(() => assertMove(CLOSED, OPEN)).toThrow(
      'The petition is CLOSED: it cannot change any more, not OPEN.',
    );
    expect(allowedMoves(DELIVERED)).toEqual([WON, LOST, CLOSED]);
  });
});

describe('majority goals', () => {
  it.each([
    [40, 21],
    [41, 21],
    [1, 1],
    [2, 2],
    [100, 51],
  ])('a headcount of %i needs %i', (headcount, goal) => expect(majorityOf(headcount)).toBe(goal));

  it('takes a given goal over the majority, and has none without either', () => {
    expect(defaultGoal(10, 40)).toBe(10);
    expect(defaultGoal(undefined, 40)).toBe(21);
    expect(defaultGoal(null, null)).toBeNull();
    expect(defaultGoal(undefined, 0)).toBeNull();
  });

  it('computes progress, 0 for a goal of 0', () => {
    expect(progressOf(21, 21)).toBe(1);
    expect(progressOf(7, 28)).toBe(0.25);
    expect(progressOf(5, 0)).toBe(0);
  });
});
