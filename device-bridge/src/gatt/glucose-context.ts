/**
 * Glucose service (0x1808): Glucose Measurement Context (0x2A34, notified
 * right after the Glucose Measurement with the same sequence number).
 *
 *   byte 0   1–2       │ then, in this order, only when flagged:
 *   ┌─────┬──────────┐ │ ┌──────────┬──────────────┬──────┬──────────┬─────────────────┬─────────────────┬───────┐
 *   │flags│ sequence │ │ │ extended │ carbohydrate │ meal │ tester / │ exercise        │ medication      │ HbA1c │
 *   │     │  number  │ │ │  flags   │   id, mass   │      │  health  │ duration, %     │   id, amount    │       │
 *   └─────┴──────────┘ │ └──────────┴──────────────┴──────┴──────────┴─────────────────┴─────────────────┴───────┘
 *    u8    u16 LE      │   u8         u8 + SFLOAT kg u8     u8         u16 LE s + u8 %   u8 + SFLOAT       SFLOAT %
 *                      │   bit 7      bit 0          bit 1  bit 2      bit 3             bit 4             bit 6
 *
 *   flags: bit 5 medication unit (0 kilograms, 1 litres).
 *   extended flags: all reserved; read past and ignored.
 *
 *   carbohydrate: 1 breakfast · 2 lunch · 3 dinner · 4 snack · 5 drink · 6 supper · 7 brunch
 *   meal: 1 preprandial · 2 postprandial · 3 fasting · 4 casual · 5 bedtime
 *   tester (low nibble): 1 self · 2 health care professional · 3 lab test · 15 not available
 *   health (high nibble): 1 minor issues · 2 major issues · 3 during menses · 4 under
 *     stress · 5 no issues · 15 not available
 *   medication: 1 rapid-acting insulin · 2 short-acting · 3 intermediate-acting ·
 *     4 long-acting · 5 pre-mixed
 *   exercise duration 65535 s means "overrun"; all other values not listed are reserved.
 *
 *   `5F 2A 00 01 32 D0 01 51 10 0E 32 02 05 A0 38 F0`
 *     → #42, breakfast with 50 g carbohydrate, before the meal, self-tested
 *       with no health issues, 1 h of exercise at 50 %, 5 mg of short-acting
 *       insulin, HbA1c 5.6 %
 *
 * Amounts are returned in the units clinicians read: grams of carbohydrate,
 * milligrams or millilitres of medication.
 */
import { enumValue, FieldCursor, requireMandatory, requireNotNegative, requireWithin, sfloatShifted } from './field-reader';

/** Which meal the carbohydrate intake belongs to. */
export type CarbohydrateMeal = 'breakfast' | 'lunch' | 'dinner' | 'snack' | 'drink' | 'supper' | 'brunch';

/** When the sample was taken relative to a meal. */
export type MealRelation = 'preprandial' | 'postprandial' | 'fasting' | 'casual' | 'bedtime';

/** Who took the sample. */
export type GlucoseTester = 'self' | 'health-care-professional' | 'lab-test' | 'not-available';

/** How the patient felt. */
export type GlucoseHealth = 'minor-issues' | 'major-issues' | 'during-menses' | 'under-stress' | 'no-issues' | 'not-available';

/** What medication was taken. */
export type GlucoseMedication =
  | 'rapid-acting-insulin'
  | 'short-acting-insulin'
  | 'intermediate-acting-insulin'
  | 'long-acting-insulin'
  | 'pre-mixed-insulin';

/** Exercise duration the meter sends when the duration did not fit in 16 bits. */
export const EXERCISE_DURATION_OVERRUN = 0xffff;

/** A Glucose Measurement Context (0x2A34). */
export interface GlucoseContext {
  /** Pairs the context with the Glucose Measurement of the same number. */
  sequenceNumber: number;
  carbohydrate?: { meal: CarbohydrateMeal; grams: number };
  meal?: MealRelation;
  tester?: GlucoseTester;
  health?: GlucoseHealth;
  /** Duration in seconds ({@link EXERCISE_DURATION_OVERRUN} when too long to count) and intensity in %. */
  exercise?: { durationSeconds: number; intensityPercent: number };
  medication?: { medication: GlucoseMedication; amount: number; unit: 'mg' | 'mL' };
  /** Glycated haemoglobin, in %. */
  hba1c?: number;
}

const CONTEXT = 'Glucose Measurement Context';

const CARBOHYDRATE_MEALS: ReadonlyMap<number, CarbohydrateMeal> = new Map([
  [1, 'breakfast'],
  [2, 'lunch'],
  [3, 'dinner'],
  [4, 'snack'],
  [5, 'drink'],
  [6, 'supper'],
  [7, 'brunch'],
]);

const MEAL_RELATIONS: ReadonlyMap<number, MealRelation> = new Map([
  [1, 'preprandial'],
  [2, 'postprandial'],
  [3, 'fasting'],
  [4, 'casual'],
  [5, 'bedtime'],
]);

const TESTERS: ReadonlyMap<number, GlucoseTester> = new Map([
  [1, 'self'],
  [2, 'health-care-professional'],
  [3, 'lab-test'],
  [15, 'not-available'],
]);

const HEALTH: ReadonlyMap<number, GlucoseHealth> = new Map([
  [1, 'minor-issues'],
  [2, 'major-issues'],
  [3, 'during-menses'],
  [4, 'under-stress'],
  [5, 'no-issues'],
  [15, 'not-available'],
]);

const MEDICATIONS: ReadonlyMap<number, GlucoseMedication> = new Map([
  [1, 'rapid-acting-insulin'],
  [2, 'short-acting-insulin'],
  [3, 'intermediate-acting-insulin'],
  [4, 'long-acting-insulin'],
  [5, 'pre-mixed-insulin'],
]);

/** Parses a Glucose Measurement Context (0x2A34) value; throws MeasurementFormatError if it cannot be trusted. */
export function parseGlucoseMeasurementContext(view: DataView): GlucoseContext {
  requireMandatory(view, 3, CONTEXT, 'flags and u16 sequence number');
  const flags = view.getUint8(0);
  const context: GlucoseContext = { sequenceNumber: view.getUint16(1, true) };
  const fields = new FieldCursor(view, 3, CONTEXT);
  // Every extended flag is reserved: the byte is skipped so the fields after it line up.
  if (flags & 0x80) fields.take('extended flags', 1);
  if (flags & 0x01) {
    const at = fields.take('carbohydrate', 3);
    context.carbohydrate = {
      meal: enumValue(CARBOHYDRATE_MEALS, view.getUint8(at), 'carbohydrate id', CONTEXT),
      grams: requireNotNegative(sfloatShifted(view, at + 1, 3, 'carbohydrate', CONTEXT), 'carbohydrate', CONTEXT),
    };
  }
  if (flags & 0x02) context.meal = enumValue(MEAL_RELATIONS, view.getUint8(fields.take('meal', 1)), 'meal', CONTEXT);
  if (flags & 0x04) {
    const testerHealth = view.getUint8(fields.take('tester-health', 1));
    context.tester = enumValue(TESTERS, testerHealth & 0x0f, 'tester', CONTEXT);
    context.health = enumValue(HEALTH, testerHealth >> 4, 'health', CONTEXT);
  }
  if (flags & 0x08) {
    const at = fields.take('exercise', 3);
    context.exercise = {
      durationSeconds: view.getUint16(at, true),
      intensityPercent: requireWithin(view.getUint8(at + 2), 0, 100, 'exercise intensity', CONTEXT),
    };
  }
  if (flags & 0x10) {
    const at = fields.take('medication', 3);
    const litres = (flags & 0x20) !== 0;
    const amount = sfloatShifted(view, at + 1, litres ? 3 : 6, 'medication', CONTEXT);
    context.medication = {
      medication: enumValue(MEDICATIONS, view.getUint8(at), 'medication id', CONTEXT),
      amount: requireNotNegative(amount, 'medication', CONTEXT),
      unit: litres ? 'mL' : 'mg',
    };
  }
  if (flags & 0x40) {
    const hba1c = sfloatShifted(view, fields.take('HbA1c', 2), 0, 'HbA1c', CONTEXT);
    context.hba1c = requireWithin(hba1c, 0, 100, 'HbA1c', CONTEXT);
  }
  return context;
}
