/**
 * The app-level test kit: a real API on its own database (TestApp) and the two-local world of
 * one user per role. It builds the app, so it lives here; libs/testing (re-exported) holds what
 * needs no app code: factories, test databases, statement counts, snapshots.
 */
export * from '@juntos/testing';
export * from './test-app';
export * from './world';
export * from './alert-gateway';
