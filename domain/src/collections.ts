/** The synced collections. The walking skeleton syncs the first two; the rest follow DESIGN.md. */
export const COLLECTIONS = ['patients', 'visits'] as const;

/** Name of a synced collection. */
export type CollectionName = (typeof COLLECTIONS)[number];

/** True when `name` is a synced collection (used to validate URL segments). */
export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTIONS as readonly string[]).includes(name);
}

/** Shape every document id must have: short, no leading underscore, URL-safe. */
export const DOCUMENT_ID_PATTERN = '^[a-z0-9][a-z0-9._:-]{0,99}$';

/** Districts are the storage partition: one store database per district and collection. */
export const DISTRICT_ID_PATTERN = '^[a-z][a-z0-9-]{0,39}$';
