import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as bridge from './index';

const PUBLIC_NAMES = [
  'BATTERY_UUIDS',
  'BLOOD_PRESSURE_UUIDS',
  'BloodPressureDriver',
  'CONTEC_PC300_UUIDS',
  'CONTEC_SP80B_UUIDS',
  'CURRENT_TIME_UUIDS',
  'ContecPc300Driver',
  'ContecSp80bDriver',
  'DATE_TIME_LENGTH',
  'DEFAULT_ECG_DURATION_S',
  'DEFAULT_GLUCOSE_RECORDS',
  'DEFAULT_OPERATION_TIMEOUT_MS',
  'DEFAULT_RECONNECT_POLICY',
  'DEFAULT_SPIROMETRY',
  'DEMO_EIGHT_LEAD_PROTOCOL',
  'DEMO_EIGHT_LEAD_UUIDS',
  'DEVICE_INFORMATION_UUIDS',
  'DeviceBridgeError',
  'EMULATION_PAGE_SCRIPT',
  'ENERGY_EXPENDED_SATURATED',
  'ER_COMMANDS',
  'ER_INVALID_SAMPLE',
  'ER_MV_PER_COUNT',
  'ER_REAL_TIME_LAYOUT',
  'ER_SAMPLE_RATE_HZ',
  'EXERCISE_DURATION_OVERRUN',
  'EightLeadEcgDriver',
  'EightLeadStripRecorder',
  'ErFrameReassembler',
  'GLUCOSE_UUIDS',
  'GattOperationQueue',
  'GlucoseDriver',
  'HEALTH_THERMOMETER_UUIDS',
  'HEART_RATE_UUIDS',
  'HeartRateDriver',
  'KIT_DRIVERS',
  'LEAD_NAMES',
  'MDC_LEAD_CODES',
  'MeasurementFormatError',
  'PC300_TOKENS',
  'PERIPHERAL_FAULTS',
  'PMD_MEASUREMENT_ECG',
  'PMD_OP_CODES',
  'PMD_STATUSES',
  'POLAR_PMD_UUIDS',
  'PULSE_OXIMETER_UUIDS',
  'Pc300FrameReassembler',
  'PolarH10EcgDriver',
  'PulseOximeterDriver',
  'RECORDED_LEAD_NAMES',
  'SIMULATED_DEVICE_KINDS',
  'SP80B_ASSUMED_LAYOUT',
  'SP80B_HEADERS',
  'SimulatedTransport',
  'Sp80bFrameReassembler',
  'ThermometerDriver',
  'UNKNOWN_USER_ID',
  'WEIGHT_SCALE_UUIDS',
  'WELLUE_ER_UUIDS',
  'WebBluetoothTransport',
  'WeightScaleDriver',
  'WellueErEcgDriver',
  'bluetoothFromNavigator',
  'bytesToHex',
  'canonicalUuid',
  'crc8Maxim',
  'crc8Smbus',
  'createDemoEightLeadDriver',
  'dateTimeValue',
  'decodeDateTime',
  'decodeEcgStrip',
  'decodeErRealTime',
  'decodeFloat',
  'decodePc300Message',
  'decodeSfloat',
  'decodeSp80bMessage',
  'deriveLimbLeads',
  'driverFor',
  'driversFor',
  'emulatePeripheralInChromium',
  'encodeCurrentTime',
  'encodeEcgStrip',
  'encodeErFrame',
  'encodeErInfoRequest',
  'encodeErRealTimeRequest',
  'encodePc300Frame',
  'encodePc300StartNibp',
  'encodePc300StopNibp',
  'encodePmdGetSettings',
  'encodePmdStartEcg',
  'encodePmdStop',
  'encodeRacpRequest',
  'encodeSp80bFrame',
  'estimateHeartRate',
  'floatValue',
  'hexToBytes',
  'kitRequestOptions',
  'parseBatteryLevel',
  'parseBloodPressureMeasurement',
  'parseCurrentTime',
  'parseDeviceInformation',
  'parseDeviceInformationText',
  'parseErFrame',
  'parseGlucoseMeasurement',
  'parseGlucoseMeasurementContext',
  'parseHeartRateMeasurement',
  'parseIntermediateCuffPressure',
  'parseIntermediateTemperature',
  'parsePc300Frame',
  'parsePlxContinuous',
  'parsePlxSpotCheck',
  'parsePmdControlPointResponse',
  'parsePmdEcgFrame',
  'parsePnpId',
  'parseRacpResponse',
  'parseSp80bFrame',
  'parseSystemId',
  'parseTemperatureMeasurement',
  'parseTemperatureType',
  'parseWeightMeasurement',
  'pmdTimestampToDate',
  'readBatteryLevel',
  'readDeviceInformation',
  'reconnectDelayMs',
  'rememberedDevices',
  'requestKitDevice',
  'requireValue',
  'sfloatValue',
  'simulatedBloodPressureMonitor',
  'simulatedEightLeadEcg',
  'simulatedGlucoseMeter',
  'simulatedHeartRateSensor',
  'simulatedPc300',
  'simulatedPeripheral',
  'simulatedPolarH10',
  'simulatedPulseOximeter',
  'simulatedScale',
  'simulatedSp80b',
  'simulatedThermometer',
  'simulatedWellueEr1',
  'simulatorDrivers',
  'sp80bChecksum',
  'uuid128',
  'validateReconnectPolicy',
  'validateSpirometryResult',
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
