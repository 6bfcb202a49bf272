import type { EntityKind } from './schema';

/** How the UI groups entities: actors, events, concepts. Kept apart from the zod schema so the
 * content script can use it without bundling zod. */
export type EntityGroup = 'actor' | 'event' | 'concept';

export const groupOf = (kind: EntityKind): EntityGroup =>
  kind === 'event' ? 'event' : kind === 'concept' ? 'concept' : 'actor';
