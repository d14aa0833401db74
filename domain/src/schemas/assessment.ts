import { auditedFields, CollectionSchema, idProperty, instantProperty, listOf, objectProperty, visitRefProperty } from './common';

/** A filled assessment instrument with its computed score (append-only: a correction supersedes it). */
export interface AssessmentDoc {
  id: string;
  districtId: string;
  patientId: string;
  visitId?: string;
  instrumentId: string;
  answers: { itemId: string; value: string | number }[];
  total: number;
  band: string;
  /** Which banding convention produced `band` (sources disagree on cut-offs). */
  convention: string;
  /** Further results of the instrument (sub-scores, indices, grade, form), by name. */
  details?: { key: string; value: string | number }[];
  /** Id of the assessment this one corrects. */
  supersedes?: string;
  takenAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** JSON Schema of `assessments`. */
export const assessmentSchema: CollectionSchema = {
  title: 'assessment',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    ...auditedFields,
    patientId: idProperty,
    visitId: visitRefProperty,
    instrumentId: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$' },
    answers: listOf(
      objectProperty({ itemId: { type: 'string', minLength: 1, maxLength: 40 }, value: { type: ['string', 'number'], maxLength: 40 } }, ['itemId', 'value']),
      100,
    ),
    total: { type: 'number', minimum: -1000, maximum: 1000 },
    band: { type: 'string', maxLength: 80 },
    convention: { type: 'string', maxLength: 80 },
    details: listOf(
      objectProperty({ key: { type: 'string', minLength: 1, maxLength: 40 }, value: { type: ['string', 'number'], maxLength: 80 } }, ['key', 'value']),
      20,
    ),
    supersedes: idProperty,
    takenAt: instantProperty,
  },
  required: ['id', 'districtId', 'patientId', 'instrumentId', 'answers', 'total', 'band', 'convention', 'takenAt', 'updatedAt', 'updatedBy'],
  indexes: ['patientId'],
  encrypted: ['answers', 'details'],
  additionalProperties: false,
};
