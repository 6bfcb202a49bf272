/**
 * An entity's group travels with the matcher as a small number (an alias's `tag`), so the content
 * script can pick the highlight of a match without receiving the entities.
 */
import { groupOf, type EntityGroup } from '../data/groups';
import type { Entity } from '../data/schema';

export const GROUP_TAGS: readonly EntityGroup[] = ['actor', 'event', 'concept'];

export const tagOf = (entity: Entity): number => GROUP_TAGS.indexOf(groupOf(entity.kind));

export const groupOfTag = (tag: number | undefined): EntityGroup | undefined =>
  tag === undefined ? undefined : GROUP_TAGS[tag];
