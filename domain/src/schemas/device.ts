import { auditedFields, CollectionSchema, idProperty, instantProperty, userIdProperty } from './common';

/** Kinds of paired device. */
export const DEVICE_KINDS = ['tablet', 'blood-pressure', 'pulse-oximeter', 'thermometer', 'heart-rate', 'ecg', 'spirometer', 'scale', 'glucometer', 'multiparameter'] as const;

/** A paired device: a patient's home-kit device, or a nurse's kit device or tablet. */
export interface DeviceDoc {
  id: string;
  districtId: string;
  /** Set for a patient's home kit. */
  patientId?: string;
  /** Set for a nurse's own kit device or tablet. */
  ownerId?: string;
  kind: (typeof DEVICE_KINDS)[number];
  model: string;
  name: string;
  bluetoothId?: string;
  pairedAt: string;
  lastSeenAt?: string;
  batteryPercent?: number;
  status: 'active' | 'retired';
  updatedAt: string;
  updatedBy: string;
}

/** JSON Schema of `devices`. */
export const deviceSchema: CollectionSchema = {
  title: 'device',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    ...auditedFields,
    patientId: idProperty,
    ownerId: userIdProperty,
    kind: { type: 'string', enum: DEVICE_KINDS },
    model: { type: 'string', minLength: 1, maxLength: 80 },
    name: { type: 'string', minLength: 1, maxLength: 80 },
    bluetoothId: { type: 'string', maxLength: 100 },
    pairedAt: instantProperty,
    lastSeenAt: instantProperty,
    batteryPercent: { type: 'integer', minimum: 0, maximum: 100 },
    status: { type: 'string', enum: ['active', 'retired'] },
  },
  required: ['id', 'districtId', 'kind', 'model', 'name', 'pairedAt', 'status', 'updatedAt', 'updatedBy'],
  additionalProperties: false,
};
