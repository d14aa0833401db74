import { auditedFields, CollectionSchema, dateProperty, idProperty, instantProperty, listOf, objectProperty, textProperty, userIdProperty } from './common';

/** A COT care transition (e.g. protected hospital discharge) and its steps. */
export interface ReferralDoc {
  id: string;
  districtId: string;
  patientId: string;
  kind: 'protected-discharge' | 'admission-request' | 'transfer';
  status: 'received' | 'assessing' | 'accepted' | 'active' | 'closed' | 'rejected';
  source: { facility: string; ward: string };
  expectedDate?: string;
  steps: { id: string; label: string; status: 'todo' | 'done' | 'skipped'; at?: string; by?: string }[];
  notes: string;
  updatedAt: string;
  updatedBy: string;
}

/** JSON Schema of `referrals`. */
export const referralSchema: CollectionSchema = {
  title: 'referral',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    ...auditedFields,
    patientId: idProperty,
    kind: { type: 'string', enum: ['protected-discharge', 'admission-request', 'transfer'] },
    status: { type: 'string', enum: ['received', 'assessing', 'accepted', 'active', 'closed', 'rejected'] },
    source: objectProperty({ facility: { type: 'string', minLength: 1, maxLength: 120 }, ward: { type: 'string', maxLength: 120 } }, ['facility', 'ward']),
    expectedDate: dateProperty,
    steps: listOf(
      objectProperty(
        {
          id: { type: 'string', minLength: 1, maxLength: 40 },
          label: { type: 'string', minLength: 1, maxLength: 200 },
          status: { type: 'string', enum: ['todo', 'done', 'skipped'] },
          at: instantProperty,
          by: userIdProperty,
        },
        ['id', 'label', 'status'],
      ),
      30,
    ),
    notes: textProperty(4000),
  },
  required: ['id', 'districtId', 'patientId', 'kind', 'status', 'source', 'steps', 'notes', 'updatedAt', 'updatedBy'],
  encrypted: ['notes'],
  additionalProperties: false,
};
