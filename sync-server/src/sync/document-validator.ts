import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { COLLECTION_SCHEMAS, COLLECTIONS, documentRuleProblem, type CollectionName, type CollectionSchema } from '@prossima/domain';

/**
 * The store-side form of a collection schema: the same properties and
 * constraints as in `domain/` (one source of truth), with RxDB's primary key
 * `id` stored as CouchDB's `_id` and the CouchDB metadata fields allowed.
 */
export function storeSchemaOf(schema: CollectionSchema): object {
  const { id, ...fields } = schema.properties;
  return {
    type: 'object',
    additionalProperties: false,
    required: schema.required.map((name) => (name === 'id' ? '_id' : name)),
    properties: {
      _id: id,
      _rev: { type: 'string', pattern: '^[0-9]+-[0-9a-f]{1,64}$' },
      _deleted: { type: 'boolean' },
      _revisions: {
        type: 'object',
        additionalProperties: false,
        required: ['start', 'ids'],
        properties: {
          start: { type: 'integer', minimum: 1 },
          ids: { type: 'array', maxItems: 1000, items: { type: 'string', pattern: '^[0-9a-f]{1,64}$' } },
        },
      },
      ...fields,
    },
  };
}

/**
 * Checks documents against their collection's schema, then against the rules
 * the schema cannot state (domain/src/document-rules.ts: a score that matches
 * its answers, a vital sign that can exist…), and names the first problem in plain words.
 */
export class DocumentValidator {
  private readonly validators: Record<CollectionName, ValidateFunction>;

  constructor() {
    const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
    this.validators = Object.fromEntries(
      COLLECTIONS.map((name) => [name, ajv.compile(storeSchemaOf(COLLECTION_SCHEMAS[name]))]),
    ) as Record<CollectionName, ValidateFunction>;
  }

  /** `null` when `doc` is a valid document of `collection`, else a sentence naming the field and the rule. */
  problemOf(collection: CollectionName, doc: unknown): string | null {
    const validate = this.validators[collection];
    if (!validate(doc)) return describeError(validate.errors?.[0]);
    return documentRuleProblem(collection, doc as Record<string, unknown>);
  }
}

function describeError(error: ErrorObject | undefined): string {
  if (!error) return 'document does not match its schema';
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const field = path || 'document';
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field "${path ? path + '.' : ''}${String(error.params['additionalProperty'])}"`;
    case 'required':
      return `missing required field "${path ? path + '.' : ''}${String(error.params['missingProperty'])}"`;
    case 'pattern':
      return `field "${field}" has the wrong format (must match ${String(error.params['pattern'])})`;
    default:
      return `field "${field}" ${error.message ?? 'is not valid'}`;
  }
}
