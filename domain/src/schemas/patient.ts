import {
  auditedFields,
  CollectionSchema,
  dateProperty,
  idProperty,
  objectProperty,
  stringListProperty,
  textProperty,
  userIdProperty,
} from './common';

const phoneProperty = { type: 'string', maxLength: 30, pattern: '^[+0-9 ]{6,30}$' } as const;

/** A patient in home care: demographics, address, care team, PAI summary. */
export interface PatientDoc {
  id: string;
  districtId: string;
  givenName: string;
  familyName: string;
  codiceFiscale: string;
  birthDate: string;
  sex: 'M' | 'F';
  address: { street: string; city: string; postalCode: string; province: string };
  phone?: string;
  email?: string;
  /** Cadastral code of the birthplace (Z… abroad), cross-checked with the codice fiscale. */
  birthplaceCode?: string;
  location?: { lat: number; lon: number };
  /** The family member or other person who looks after the patient. */
  caregiver?: { name: string; relation?: string; phone?: string };
  /** The family doctor (medico di medicina generale). */
  familyDoctor?: { name: string; phone?: string };
  /** First day of home care, the start of the care-intensity (CIA) period. */
  careStart?: string;
  /** Warnings shown with every visit (e.g. oxygen at home, aggressive dog, fall risk). */
  alerts?: string[];
  /** User ids of the nurses who care for this patient; a nurse sees only her care team's patients. */
  careTeam: string[];
  conditions: string[];
  allergies: string[];
  /** Short summary of the individual care plan (the full PAI is its own collection later). */
  paiSummary: string;
  status: 'active' | 'discharged';
  updatedAt: string;
  updatedBy: string;
}

/** JSON Schema of `patients`. */
export const patientSchema: CollectionSchema = {
  title: 'patient',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    ...auditedFields,
    givenName: { type: 'string', minLength: 1, maxLength: 80 },
    familyName: { type: 'string', minLength: 1, maxLength: 80 },
    codiceFiscale: { type: 'string', maxLength: 16, pattern: '^[A-Z0-9]{16}$' },
    birthDate: dateProperty,
    sex: { type: 'string', enum: ['M', 'F'] },
    address: {
      type: 'object',
      additionalProperties: false,
      required: ['street', 'city', 'postalCode', 'province'],
      properties: {
        street: { type: 'string', minLength: 1, maxLength: 120 },
        city: { type: 'string', minLength: 1, maxLength: 80 },
        postalCode: { type: 'string', pattern: '^\\d{5}$' },
        province: { type: 'string', pattern: '^[A-Z]{2}$' },
      },
    },
    phone: phoneProperty,
    email: { type: 'string', maxLength: 120, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' },
    birthplaceCode: { type: 'string', maxLength: 4, pattern: '^[A-Z][0-9]{3}$' },
    caregiver: objectProperty(
      { name: { type: 'string', minLength: 1, maxLength: 120 }, relation: { type: 'string', maxLength: 60 }, phone: phoneProperty },
      ['name'],
    ),
    familyDoctor: objectProperty({ name: { type: 'string', minLength: 1, maxLength: 120 }, phone: phoneProperty }, ['name']),
    careStart: dateProperty,
    alerts: stringListProperty(20, 200),
    location: {
      type: 'object',
      additionalProperties: false,
      required: ['lat', 'lon'],
      properties: {
        lat: { type: 'number', minimum: -90, maximum: 90 },
        lon: { type: 'number', minimum: -180, maximum: 180 },
      },
    },
    careTeam: { type: 'array', maxItems: 20, uniqueItems: true, items: userIdProperty },
    conditions: stringListProperty(30, 200),
    allergies: stringListProperty(30, 200),
    paiSummary: textProperty(2000),
    status: { type: 'string', enum: ['active', 'discharged'] },
  },
  required: [
    'id', 'districtId', 'givenName', 'familyName', 'codiceFiscale', 'birthDate', 'sex', 'address',
    'careTeam', 'conditions', 'allergies', 'paiSummary', 'status', 'updatedAt', 'updatedBy',
  ],
  indexes: ['familyName'],
  // Names stay clear: the round and the patient list sort and search by them. The birth date is a
  // quasi-identifier queried nowhere, and patients are ~1 % of a caseload: encrypting it costs next to
  // nothing (bench/encryption-cost.mjs; docs/decisions.md, "Encryption at rest").
  encrypted: [
    'codiceFiscale', 'birthDate', 'phone', 'email', 'birthplaceCode', 'address', 'location', 'caregiver', 'familyDoctor',
    'careStart', 'alerts', 'conditions', 'allergies', 'paiSummary',
  ],
  additionalProperties: false,
};
