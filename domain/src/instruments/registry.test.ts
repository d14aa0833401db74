import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition, InstrumentItem } from './instrument-types';
import { enabledInstruments, instrumentById, INSTRUMENTS } from './registry';
import { validateBandSet } from './scoring';

const ID_SHAPE = /^[a-z0-9-]{1,40}$/;

/** Lowest and highest total over the items that always apply. */
function totalRange(definition: InstrumentDefinition): [number, number] {
  const always = definition.items.filter((item) => !item.condition);
  const points = (item: InstrumentItem) => item.options.map((o) => o.points);
  return [
    always.reduce((sum, item) => sum + Math.min(...points(item)), 0),
    always.reduce((sum, item) => sum + Math.max(...points(item)), 0),
  ];
}

describe('instrument registry', () => {
  it('when listed, then the seventeen instruments of the brief are there, each id once', () => {
    const ids = INSTRUMENTS.map((d) => d.id);
    expect([...ids].sort()).toEqual(
      ['barthel', 'barthel-shah', 'braden', 'cirs', 'conley', 'exton-smith', 'gds-15', 'katz-adl', 'lawton-iadl', 'mna-sf', 'must', 'norton', 'nrs', 'painad', 'rug-adl', 'spmsq', 'tinetti'],
    );
  });

  it('when looked up by id or alias, then the definition comes back; an unknown id gives undefined', () => {
    expect(instrumentById('barthel')?.id).toBe('barthel');
    expect(instrumentById('nrs-pain')?.id).toBe('nrs');
    expect(instrumentById('mmse')).toBeUndefined();
  });

  it('when no administrator enabled anything, then licensed instruments (Braden, MNA-SF, MUST, RUG) are not offered', () => {
    const ids = enabledInstruments([]).map((d) => d.id);
    expect(ids).not.toContain('braden');
    expect(ids).not.toContain('mna-sf');
    expect(ids).not.toContain('must');
    expect(ids).not.toContain('rug-adl');
    expect(ids).toContain('barthel');
    expect(INSTRUMENTS.filter((d) => d.licensed).every((d) => !d.enabledByDefault)).toBe(true);
  });

  it('when an administrator enables Braden, then it is offered; unknown ids are ignored', () => {
    const ids = enabledInstruments(['braden', 'from-a-newer-version']).map((d) => d.id);
    expect(ids).toContain('braden');
    expect(ids).not.toContain('must');
  });

  describe.each(INSTRUMENTS.map((d) => [d.id, d] as const))('definition %s', (_id, definition) => {
    it('when stored, then instrument, item and option ids fit the assessment schema (≤40 characters)', () => {
      expect(definition.id).toMatch(ID_SHAPE);
      const itemIds = definition.items.map((i) => i.id);
      expect(new Set(itemIds).size).toBe(itemIds.length);
      for (const item of definition.items) {
        expect(item.id).toMatch(ID_SHAPE);
        const values = item.options.map((o) => o.value);
        expect(new Set(values).size).toBe(values.length);
        for (const option of item.options) {
          expect(option.value.length).toBeLessThanOrEqual(40);
          expect(option.label.it && option.label.en).toBeTruthy();
        }
        expect(item.label.it && item.label.en).toBeTruthy();
      }
    });

    it('when an item has a condition, then it points to an earlier item and to values it offers', () => {
      definition.items.forEach((item, index) => {
        if (!item.condition) return;
        const controller = definition.items.findIndex((i) => i.id === item.condition?.itemId);
        expect(controller).toBeGreaterThanOrEqual(0);
        expect(controller).toBeLessThan(index);
        const offered = definition.items[controller].options.map((o) => o.value);
        for (const value of item.condition.anyOf) expect(offered).toContain(value);
      });
    });

    it('when banded on the total, then every reachable total falls in exactly one band of every convention', () => {
      expect(definition.conventions.map((c) => c.id)).toContain(definition.defaultConvention);
      const [min, max] = totalRange(definition);
      for (const convention of definition.conventions) {
        if (convention.kind !== 'ranges' || (convention.basis ?? 'total') !== 'total' || convention.bands.length === 0) continue;
        validateBandSet(definition.id, convention.bands);
        for (let total = min; total <= max; total++) {
          expect(convention.bands.filter((b) => total >= b.min && total <= b.max)).toHaveLength(1);
        }
      }
    });

    it('when shipped, then it names a reference and a licensed one is disabled by default', () => {
      expect(definition.reference.length).toBeGreaterThan(20);
      if (definition.licensed) expect(definition.enabledByDefault).toBe(false);
    });
  });
});
