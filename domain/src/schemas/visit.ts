import {
  auditedFields,
  CollectionSchema,
  dateProperty,
  idProperty,
  instantProperty,
  listOf,
  objectProperty,
  stringListProperty,
  textProperty,
  timeOfDayProperty,
  userIdProperty,
} from './common';

/** Where a visit stands. */
export const VISIT_STATUSES = ['planned', 'in-progress', 'done', 'missed'] as const;
/** A visit's status. */
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** What became of one PAI intervention at a visit. */
export interface VisitTaskResult {
  interventionId: string;
  /** The intervention's label when it was done (the PAI may change later). */
  label: string;
  outcome: 'done' | 'not-done' | 'partial';
  /** Why it was not done, or only partly (required then). */
  reason?: string;
  note?: string;
}

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
  /** The outcome of each PAI intervention due at this visit. */
  taskResults?: VisitTaskResult[];
  /** A change to the PAI the nurse proposes (the district nurse or coordinator decides). */
  paiProposal?: string;
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
  version: 2,
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
    taskResults: listOf(
      objectProperty(
        {
          interventionId: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[a-z0-9][a-z0-9._-]*$' },
          label: { type: 'string', minLength: 1, maxLength: 200 },
          outcome: { type: 'string', enum: ['done', 'not-done', 'partial'] },
          reason: textProperty(500),
          note: textProperty(1000),
        },
        ['interventionId', 'label', 'outcome'],
      ),
      60,
    ),
    paiProposal: textProperty(2000),
    startedAt: instantProperty,
    endedAt: instantProperty,
  },
  required: [
    'id', 'districtId', 'patientId', 'nurseId', 'date', 'order', 'windowStart', 'windowEnd',
    'status', 'tasks', 'note', 'updatedAt', 'updatedBy',
  ],
  indexes: ['date', 'patientId'],
  // The tasks are the PAI's intervention labels (encrypted in careplans): clear here they would leak it.
  encrypted: ['note', 'missedReason', 'tasks', 'taskResults', 'paiProposal'],
  additionalProperties: false,
};
