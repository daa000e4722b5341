import { checkTimeZone, checkWindow, isFull, isTimeZone } from './event-rules';

describe('event rules', () => {
  it('knows IANA time zones and refuses others', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(() => checkTimeZone('Not/AZone')).toThrow(/IANA/);
  });

  it('wants an end after the start', () => {
    const start = new Date('2030-01-01T10:00:00Z');
    expect(() => checkWindow(start, null)).not.toThrow();
    expect(() => checkWindow(start, new Date('2030-01-01T11:00:00Z'))).not.toThrow();
    expect(() => checkWindow(start, start)).toThrow(/after/);
  });

  it('reports full at capacity, never refusing', () => {
    expect(isFull(null, 1000)).toBe(false);
    expect(isFull(2, 1)).toBe(false);
    expect(isFull(2, 2)).toBe(true);
    expect(isFull(2, 3)).toBe(true);
  });
});
