import { Accounts1795305600000 } from './1795305600000-accounts';
import { Members1795392000000 } from './1795392000000-members';

/** Every migration, in order. Listed explicitly (no globs): add a new one at the end. */
export const MIGRATIONS = [Accounts1795305600000, Members1795392000000];
