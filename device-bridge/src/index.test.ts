import { describe, expect, it } from 'vitest';
import * as bridge from './index';

describe('@prossima/device-bridge entry point', () => {
  it('when imported in plain Node (no browser globals), then exposes the decoders and the error class', () => {
    expect(Object.keys(bridge).sort()).toEqual([
      'BLOOD_PRESSURE_UUIDS',
      'DATE_TIME_LENGTH',
      'MeasurementFormatError',
      'UNKNOWN_USER_ID',
      'dateTimeValue',
      'decodeDateTime',
      'decodeFloat',
      'decodeSfloat',
      'floatValue',
      'parseBloodPressureMeasurement',
      'parseIntermediateCuffPressure',
      'requireValue',
      'sfloatValue',
    ]);
  });
});
