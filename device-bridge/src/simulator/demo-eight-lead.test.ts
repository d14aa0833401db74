import { describe, expect, it } from 'vitest';
import { MeasurementFormatError } from '../errors';
import { DEMO_EIGHT_LEAD_PROTOCOL, encodeDemoEightLeadFrame } from './demo-eight-lead';

const leads = (values: number[]) => ({
  I: values,
  II: values.map((v) => 2 * v),
  V1: values,
  V2: values,
  V3: values,
  V4: values,
  V5: values,
  V6: values.map((v) => -v),
});
const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer);

describe('the demo 8-lead protocol', () => {
  it('when a frame is encoded and decoded, then each lead gets its samples back', () => {
    const [block] = DEMO_EIGHT_LEAD_PROTOCOL.decode(view(encodeDemoEightLeadFrame(1, leads([10, -20, 30]))));
    expect(block.I).toEqual([10, -20, 30]);
    expect(block.II).toEqual([20, -40, 60]);
    expect(block.V6).toEqual([-10, 20, -30]);
  });

  it('when a frame is cut short or does not start with E8, then it is refused', () => {
    const frame = encodeDemoEightLeadFrame(1, leads([1, 2]));
    expect(() => DEMO_EIGHT_LEAD_PROTOCOL.decode(view(frame.slice(0, -1)))).toThrow(MeasurementFormatError);
    frame[0] = 0x00;
    expect(() => DEMO_EIGHT_LEAD_PROTOCOL.decode(view(frame))).toThrow(/not E8/);
  });

  it('when more than 15 samples are given, then a RangeError says so', () => {
    expect(() => encodeDemoEightLeadFrame(0, leads(new Array(16).fill(0)))).toThrow(RangeError);
  });
});
