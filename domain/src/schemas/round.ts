import { auditedFields, CollectionSchema, dateProperty, idProperty, instantProperty, listOf, objectProperty, stringListProperty, timeOfDayProperty, userIdProperty } from './common';

/** One planned stop of a round. */
export interface RoundStop {
  patientId: string;
  order: number;
  windowStart: string;
  windowEnd: string;
  tasks: string[];
}

/** One nurse's planned home visits for one day, published by the coordinator to her tablet. */
export interface RoundDoc {
  id: string;
  districtId: string;
  nurseId: string;
  date: string;
  status: 'draft' | 'published';
  stops: RoundStop[];
  publishedAt?: string;
  updatedAt: string;
  updatedBy: string;
}

/** JSON Schema of `rounds`. */
export const roundSchema: CollectionSchema = {
  title: 'round',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    ...auditedFields,
    nurseId: userIdProperty,
    date: dateProperty,
    status: { type: 'string', enum: ['draft', 'published'] },
    stops: listOf(
      objectProperty(
        {
          patientId: idProperty,
          order: { type: 'integer', minimum: 1, maximum: 100 },
          windowStart: timeOfDayProperty,
          windowEnd: timeOfDayProperty,
          tasks: stringListProperty(30, 200),
        },
        ['patientId', 'order', 'windowStart', 'windowEnd', 'tasks'],
      ),
      40,
    ),
    publishedAt: instantProperty,
  },
  required: ['id', 'districtId', 'nurseId', 'date', 'status', 'stops', 'updatedAt', 'updatedBy'],
  indexes: ['date'],
  additionalProperties: false,
};
