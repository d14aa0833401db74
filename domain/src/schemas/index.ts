import type { CollectionName } from '../collections';
import type { CollectionSchema } from './common';
import { patientSchema } from './patient';
import { visitSchema } from './visit';

export * from './common';
export * from './patient';
export * from './visit';

/** The schema of each synced collection: RxDB and the server validator both read this table. */
export const COLLECTION_SCHEMAS: Record<CollectionName, CollectionSchema> = {
  patients: patientSchema,
  visits: visitSchema,
};
