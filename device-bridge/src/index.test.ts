import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as bridge from './index';

const PUBLIC_NAMES = [
  'BATTERY_UUIDS',
  'BLOOD_PRESSURE_UUIDS',
  'CURRENT_TIME_UUIDS',
  'DATE_TIME_LENGTH',
  'DEVICE_INFORMATION_UUIDS',
  'ENERGY_EXPENDED_SATURATED',
  'EXERCISE_DURATION_OVERRUN',
  'GLUCOSE_UUIDS',
  'HEALTH_THERMOMETER_UUIDS',
  'HEART_RATE_UUIDS',
  'MeasurementFormatError',
  'PULSE_OXIMETER_UUIDS',
  'UNKNOWN_USER_ID',
  'WEIGHT_SCALE_UUIDS',
  'canonicalUuid',
  'dateTimeValue',
  'decodeDateTime',
  'decodeFloat',
  'decodeSfloat',
  'encodeCurrentTime',
  'encodeRacpRequest',
  'floatValue',
  'parseBatteryLevel',
  'parseBloodPressureMeasurement',
  'parseCurrentTime',
  'parseDeviceInformation',
  'parseDeviceInformationText',
  'parseGlucoseMeasurement',
  'parseGlucoseMeasurementContext',
  'parseHeartRateMeasurement',
  'parseIntermediateCuffPressure',
  'parseIntermediateTemperature',
  'parsePlxContinuous',
  'parsePlxSpotCheck',
  'parsePnpId',
  'parseRacpResponse',
  'parseSystemId',
  'parseTemperatureMeasurement',
  'parseTemperatureType',
  'parseWeightMeasurement',
  'requireValue',
  'sfloatValue',
];

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('@prossima/device-bridge entry point', () => {
  it('when imported in plain Node (no browser globals), then exposes the decoders and the error class', () => {
    expect(Object.keys(bridge).sort()).toEqual(PUBLIC_NAMES);
  });

  it('when built, then plain Node imports it by package name from dist, with the same names, and decodes a reading', () => {
    execFileSync(process.execPath, ['device-bridge/scripts/build.mjs'], { cwd: repoRoot, stdio: 'pipe' });
    // A fresh Node, outside Vite: it resolves the name through node_modules and the package's "exports".
    const script = `
      const m = await import('@prossima/device-bridge');
      const hr = m.parseHeartRateMeasurement(new DataView(Uint8Array.of(0x1e, 0x55, 0x32, 0x00, 0x21, 0x00).buffer));
      let refused;
      try { m.parseBatteryLevel(new DataView(Uint8Array.of(101).buffer)); } catch (e) { refused = e instanceof m.MeasurementFormatError && e.code; }
      console.log(JSON.stringify({ resolved: import.meta.resolve('@prossima/device-bridge'), names: Object.keys(m).sort(), hr, refused }));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    const { resolved, names, hr, refused } = JSON.parse(output) as Record<string, unknown>;
    expect(resolved).toMatch(/\/device-bridge\/dist\/index\.js$/);
    expect(names).toEqual(PUBLIC_NAMES);
    expect(hr).toEqual({ heartRate: 85, sensorContact: 'detected', energyExpended: 50, rrIntervals: [32.2265625] });
    expect(refused).toBe('out-of-range');
    // Declarations for Node-style resolution: relative imports carry their .js extension.
    const types = readFileSync(`${repoRoot}device-bridge/dist/types/index.d.ts`, 'utf8');
    expect(types).toContain("from './gatt/heart-rate.js'");
  });
});
