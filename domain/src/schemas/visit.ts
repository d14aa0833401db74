import {
  auditedFields,
  CollectionSchema,
  dateProperty,
  idProperty,
  instantProperty,
  stringListProperty,
  textProperty,
  timeOfDayProperty,
  userIdProperty,
} from './common';

/** Where a visit stands. */
export const VISIT_STATUSES = ['planned', 'in-progress', 'done', 'missed'] as const;
/** A visit's status. */
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** One home visit: planned in a nurse's round, then carried out (start, end, note). */
export interface VisitDoc {
  id: string;
  districtId: string;
  patientId: string;
  nurseId: string;
  date: string;
  /** Position in the nurse's round for that day, from 1. */
  order: number;
  windowStart: string;
  windowEnd: string;
  status: VisitStatus;
  /** Short labels of the PAI tasks due at this visit. */
  tasks: string[];
  note: string;
  /** Why a visit was missed (status `missed`). */
  missedReason?: string;
  startedAt?: string;
  endedAt?: string;
  updatedAt: string;
  updatedBy: string;
}

/** JSON Schema of `visits`. */
export const visitSchema: CollectionSchema = {
  title: 'visit',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    ...auditedFields,
    patientId: idProperty,
    nurseId: userIdProperty,
    date: dateProperty,
    order: { type: 'integer', minimum: 1, maximum: 100, multipleOf: 1 },
    windowStart: timeOfDayProperty,
    windowEnd: timeOfDayProperty,
    status: { type: 'string', enum: ['planned', 'in-progress', 'done', 'missed'] },
    tasks: stringListProperty(30, 200),
    note: textProperty(10_000),
    missedReason: textProperty(500),
    startedAt: instantProperty,
    endedAt: instantProperty,
  },
  required: [
    'id', 'districtId', 'patientId', 'nurseId', 'date', 'order', 'windowStart', 'windowEnd',
    'status', 'tasks', 'note', 'updatedAt', 'updatedBy',
  ],
  indexes: ['date', 'patientId'],
  // The tasks are the PAI's intervention labels (encrypted in careplans): clear here they would leak it.
  encrypted: ['note', 'missedReason', 'tasks'],
  additionalProperties: false,
};
