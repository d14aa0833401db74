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
  /** Where the value came from; for a device, its record sequence number when it numbers its readings. */
  source: { kind: 'manual' | 'device'; deviceId?: string; model?: string; sequence?: number };
  /** A waveform (ECG): samples of each lead as base64 little-endian int16, value = sample × scale in `unit`. */
  waveform?: { sampleRateHz: number; unit: 'uV' | 'mV'; scale: number; leads: { lead: string; data: string }[] };
  /** The bytes the device sent for this reading (base64, one entry per notification), kept for audit. */
  raw?: string[];
  supersedes?: string;
  updatedAt: string;
  updatedBy: string;
}

const loinc = { type: 'string', maxLength: 12, pattern: '^[0-9]{1,7}-[0-9]$' } as const;
const ucum = { type: 'string', minLength: 1, maxLength: 20 } as const;

/** JSON Schema of `observations`. */
export const observationSchema: CollectionSchema = {
  title: 'observation',
  version: 1,
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
        sequence: { type: 'integer', minimum: 0, maximum: 4294967295 },
      },
      ['kind'],
    ),
    supersedes: idProperty,
    waveform: objectProperty(
      {
        sampleRateHz: { type: 'number', minimum: 1, maximum: 2000 },
        unit: { type: 'string', enum: ['uV', 'mV'] },
        scale: { type: 'number', minimum: 0, maximum: 1000 },
        leads: listOf(
          objectProperty({ lead: { type: 'string', minLength: 1, maxLength: 8 }, data: { type: 'string', maxLength: 400_000, pattern: '^[A-Za-z0-9+/]*={0,2}$' } }, ['lead', 'data']),
          12,
        ),
      },
      ['sampleRateHz', 'unit', 'scale', 'leads'],
    ),
    raw: { type: 'array', maxItems: 2000, items: { type: 'string', maxLength: 2000, pattern: '^[A-Za-z0-9+/]*={0,2}$' } },
  },
  required: ['id', 'districtId', 'patientId', 'code', 'effectiveAt', 'source', 'updatedAt', 'updatedBy'],
  indexes: ['patientId', 'effectiveAt'],
  // Values stay clear (trends and alerts read them; docs/decisions.md, "Encryption at rest"); the
  // waveform and the device's raw bytes are bulky clinical data no query reads.
  encrypted: ['waveform', 'raw'],
  additionalProperties: false,
};
