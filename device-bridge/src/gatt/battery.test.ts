import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex';
import { parseBatteryLevel } from './battery';
import { refusal } from './testing/refusal';

describe('parseBatteryLevel', () => {
  it.each([
    ['5A', 90],
    ['00', 0],
    ['64', 100],
  ])('when given %s, then returns %i %', (bytes, level) => {
    expect(parseBatteryLevel(hex(bytes))).toBe(level);
  });

  it('when bytes follow the level, then ignores them', () => {
    expect(parseBatteryLevel(hex('32 00'))).toBe(50);
  });

  it.each([['65'], ['FF']])('when given %s (above 100 %), then refuses it as out-of-range', (bytes) => {
    const error = refusal(() => parseBatteryLevel(hex(bytes)));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('battery level');
  });

  it('when given 65, then the message states the range', () => {
    expect(refusal(() => parseBatteryLevel(hex('65'))).message).toBe('Battery Level: battery level 101 is outside 0–100');
  });

  it('when empty, then refuses it as too-short', () => {
    expect(refusal(() => parseBatteryLevel(hex(''))).code).toBe('too-short');
  });
});
