import { auditedFields, CollectionSchema, idProperty, instantProperty, listOf, objectProperty, visitRefProperty } from './common';

/** One measured value or panel (LOINC code, UCUM unit), typed in or read from a device. Append-only. */
export interface ObservationDoc {
  id: string;
  districtId: string;
  patientId: string;
  visitId?: string;
  /** LOINC code of the observation (a panel's code for blood pressure). */
  code: string;
  value?: number;
  unit?: string;
  components?: { code: string; value: number; unit: string }[];
  effectiveAt: string;
  source: { kind: 'manual' | 'device'; deviceId?: string; model?: string };
  supersedes?: string;
  updatedAt: string;
  updatedBy: string;
}

const loinc = { type: 'string', maxLength: 12, pattern: '^[0-9]{1,7}-[0-9]$' } as const;
const ucum = { type: 'string', minLength: 1, maxLength: 20 } as const;

/** JSON Schema of `observations`. */
export const observationSchema: CollectionSchema = {
  title: 'observation',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    ...auditedFields,
    patientId: idProperty,
    visitId: visitRefProperty,
    code: loinc,
    value: { type: 'number', minimum: -1e6, maximum: 1e6 },
    unit: ucum,
    components: listOf(objectProperty({ code: loinc, value: { type: 'number', minimum: -1e6, maximum: 1e6 }, unit: ucum }, ['code', 'value', 'unit']), 12),
    effectiveAt: instantProperty,
    source: objectProperty(
      {
        kind: { type: 'string', enum: ['manual', 'device'] },
        deviceId: idProperty,
        model: { type: 'string', maxLength: 80 },
      },
      ['kind'],
    ),
    supersedes: idProperty,
  },
  required: ['id', 'districtId', 'patientId', 'code', 'effectiveAt', 'source', 'updatedAt', 'updatedBy'],
  indexes: ['patientId', 'effectiveAt'],
  additionalProperties: false,
};
