/**
 * Field encryption (AES-256-GCM, key ids for rotation) for one-on-one notes. Its cipher lands
 * with the one-on-ones issue; nothing stores notes before then.
 */
export {};
