import { isConnectionFailure } from './connection-failure';

describe('isConnectionFailure', () => {
  it.each([
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '57P03', message: 'the database system is starting up' }],
    [{ code: '08006' }],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }],
    [new Error('Connection terminated unexpectedly')],
    [new Error('timeout exceeded when trying to connect')],
    [{ driverError: { code: '57P01' }, message: 'QueryFailedError' }],
    [Object.assign(new Error('already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' })],
  ])('recognizes %p', (e) => expect(isConnectionFailure(e)).toBe(true));

  it.each([
    [{ code: '23505' }],
    [{ code: '42501', message: 'permission denied for table audit_event' }],
    [new Error('boom')],
    [null],
  ])('leaves %p to the other handlers', (e) => expect(isConnectionFailure(e)).toBe(false));
});
