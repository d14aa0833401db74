import { auditedFields, CollectionSchema, dateProperty, idProperty, listOf, objectProperty, textProperty, userIdProperty } from './common';

/** How often an intervention is due. */
export type InterventionFrequency =
  | { kind: 'daily' }
  | { kind: 'weekly'; timesPerWeek: number }
  | { kind: 'every-n-days'; everyDays: number }
  | { kind: 'weekdays'; weekdays: number[] };

/** One intervention of a PAI. */
export interface CareplanIntervention {
  id: string;
  label: string;
  frequency: InterventionFrequency;
  /** Who carries it out: a role code (nurse, district-nurse, physiotherapist, caregiver, gp, …). */
  responsibleRole: string;
  /** Minutes one occurrence takes at the visit (for planning the round). */
  minutesPerVisit?: number;
  startDate: string;
  endDate?: string;
  notes?: string;
}

/** The care-intensity level a PAI aims at (DPCM 12/1/2017 art. 22–23). */
export const CAREPLAN_TARGET_LEVELS = ['base', 'adi-1', 'adi-2', 'adi-3', 'palliative-base', 'palliative-specialist'] as const;
/** A target level. */
export type CareplanTargetLevel = (typeof CAREPLAN_TARGET_LEVELS)[number];

/** The individual care plan (PAI) of a patient. */
export interface CareplanDoc {
  id: string;
  districtId: string;
  patientId: string;
  status: 'draft' | 'active' | 'closed';
  /** The multidimensional assessment the plan follows. */
  assessmentDate?: string;
  /** The nurse who manages the case (a user id). */
  caseManagerId?: string;
  /** The patient's (or guardian's) consent to the plan. */
  consent?: { given: boolean; date: string };
  targetLevel?: CareplanTargetLevel;
  /** Needs coded with the national SIAD list (see siad-needs.ts). */
  needs: { code: string; label: string }[];
  goals: { id: string; text: string; targetDate?: string }[];
  interventions: CareplanIntervention[];
  reviewDate: string;
  closureReason?: string;
  updatedAt: string;
  updatedBy: string;
}

const shortId = { type: 'string', minLength: 1, maxLength: 40, pattern: '^[a-z0-9][a-z0-9._-]*$' } as const;

/** JSON Schema of `careplans`. */
export const careplanSchema: CollectionSchema = {
  title: 'careplan',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    ...auditedFields,
    patientId: idProperty,
    status: { type: 'string', enum: ['draft', 'active', 'closed'] },
    assessmentDate: dateProperty,
    caseManagerId: userIdProperty,
    consent: objectProperty({ given: { type: 'boolean' }, date: dateProperty }, ['given', 'date']),
    targetLevel: { type: 'string', enum: CAREPLAN_TARGET_LEVELS },
    closureReason: textProperty(500),
    needs: listOf(objectProperty({ code: { type: 'string', minLength: 1, maxLength: 40 }, label: { type: 'string', minLength: 1, maxLength: 200 } }, ['code', 'label']), 40),
    goals: listOf(objectProperty({ id: shortId, text: { type: 'string', minLength: 1, maxLength: 500 }, targetDate: dateProperty }, ['id', 'text']), 40),
    interventions: listOf(
      objectProperty(
        {
          id: shortId,
          label: { type: 'string', minLength: 1, maxLength: 200 },
          frequency: objectProperty(
            {
              kind: { type: 'string', enum: ['daily', 'weekly', 'every-n-days', 'weekdays'] },
              timesPerWeek: { type: 'integer', minimum: 1, maximum: 14 },
              everyDays: { type: 'integer', minimum: 1, maximum: 365 },
              weekdays: { type: 'array', minItems: 1, maxItems: 7, uniqueItems: true, items: { type: 'integer', minimum: 1, maximum: 7 } },
            },
            ['kind'],
          ),
          responsibleRole: { type: 'string', minLength: 1, maxLength: 40 },
          minutesPerVisit: { type: 'integer', minimum: 1, maximum: 480 },
          startDate: dateProperty,
          endDate: dateProperty,
          notes: textProperty(1000),
        },
        ['id', 'label', 'frequency', 'responsibleRole', 'startDate'],
      ),
      60,
    ),
    reviewDate: dateProperty,
  },
  required: ['id', 'districtId', 'patientId', 'status', 'needs', 'goals', 'interventions', 'reviewDate', 'updatedAt', 'updatedBy'],
  indexes: ['patientId'],
  encrypted: ['needs', 'goals', 'interventions', 'closureReason'],
  additionalProperties: false,
};
