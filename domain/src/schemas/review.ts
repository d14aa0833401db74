import { auditedFields, CollectionSchema, idProperty, objectProperty, textProperty } from './common';

/** A district nurse's acknowledgement of, or action on, an alert or result. Append-only. */
export interface ReviewDoc {
  id: string;
  districtId: string;
  patientId: string;
  subject: { collection: 'observations' | 'assessments' | 'visits'; id: string };
  kind: 'acknowledged' | 'action-taken' | 'escalated';
  note: string;
  updatedAt: string;
  updatedBy: string;
}

/** JSON Schema of `reviews`. */
export const reviewSchema: CollectionSchema = {
  title: 'review',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    ...auditedFields,
    patientId: idProperty,
    subject: objectProperty({ collection: { type: 'string', enum: ['observations', 'assessments', 'visits'] }, id: idProperty }, ['collection', 'id']),
    kind: { type: 'string', enum: ['acknowledged', 'action-taken', 'escalated'] },
    note: textProperty(2000),
  },
  required: ['id', 'districtId', 'patientId', 'subject', 'kind', 'note', 'updatedAt', 'updatedBy'],
  indexes: ['patientId'],
  encrypted: ['note'],
  additionalProperties: false,
};
