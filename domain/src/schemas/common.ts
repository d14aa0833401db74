import { DISTRICT_ID_PATTERN, DOCUMENT_ID_PATTERN } from '../collections';

/**
 * A JSON Schema as RxDB wants it (primary key, version, indexes) and as ajv
 * reads it on the server: one definition for both sides.
 */
export interface CollectionSchema {
  title: string;
  version: number;
  primaryKey: 'id';
  type: 'object';
  properties: Record<string, JsonSchemaProperty>;
  required: readonly string[];
  indexes?: readonly (string | readonly string[])[];
  /** Fields RxDB encrypts at rest on the tablet (ignored by the server, which sees them in clear over TLS). */
  encrypted?: readonly string[];
  additionalProperties: false;
}

/** The subset of JSON Schema the collection schemas use. */
export interface JsonSchemaProperty {
  type?: string | readonly string[];
  description?: string;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  enum?: readonly (string | number)[];
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  items?: JsonSchemaProperty;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchemaProperty>;
  required?: readonly string[];
  additionalProperties?: boolean;
}

/** Document id: the primary key of every collection. */
export const idProperty: JsonSchemaProperty = { type: 'string', maxLength: 100, pattern: DOCUMENT_ID_PATTERN };
/** A district id. */
export const districtIdProperty: JsonSchemaProperty = { type: 'string', maxLength: 40, pattern: DISTRICT_ID_PATTERN };
/** A user id (also in `updatedBy` and care teams). */
export const userIdProperty: JsonSchemaProperty = { type: 'string', maxLength: 60, pattern: DOCUMENT_ID_PATTERN };
/** An ISO 8601 instant with milliseconds and `Z`, as `new Date().toISOString()` writes it. */
export const instantProperty: JsonSchemaProperty = {
  type: 'string',
  maxLength: 24,
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$',
};
/** A calendar date, `YYYY-MM-DD`. */
export const dateProperty: JsonSchemaProperty = { type: 'string', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
/** A time of day, `HH:MM`. */
export const timeOfDayProperty: JsonSchemaProperty = { type: 'string', maxLength: 5, pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' };
/** Free text typed by a person, bounded so one document cannot grow without limit. */
export function textProperty(maxLength: number): JsonSchemaProperty {
  return { type: 'string', maxLength };
}
/** A bounded list of short strings. */
export function stringListProperty(maxItems: number, maxLength: number): JsonSchemaProperty {
  return { type: 'array', maxItems, items: { type: 'string', maxLength } };
}

/** Fields every synced document carries (DESIGN.md, "Data"). */
export const auditedFields = {
  districtId: districtIdProperty,
  updatedAt: instantProperty,
  updatedBy: userIdProperty,
} as const;

/** An optional reference to the visit a record was made in. */
export const visitRefProperty: JsonSchemaProperty = idProperty;

/** A small object schema with every property listed and nothing else allowed. */
export function objectProperty(properties: Record<string, JsonSchemaProperty>, required: readonly string[]): JsonSchemaProperty {
  return { type: 'object', additionalProperties: false, required, properties };
}

/** A bounded array of objects. */
export function listOf(item: JsonSchemaProperty, maxItems: number): JsonSchemaProperty {
  return { type: 'array', maxItems, items: item };
}
