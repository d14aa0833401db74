/**
 * One spirometry result shape for every spirometer, whatever its vendor
 * protocol: each vendor adapter converts into litres, litres per second and
 * percent, then calls {@link validateSpirometryResult}.
 *
 * Naming: FEFxx is the ATS/ERS name, the forced expiratory flow once xx % of the
 * FVC has been exhaled. European (ECCS) naming counts the volume still to be
 * exhaled, so FEF25 = MEF75 and FEF75 = MEF25. "FEV25" on the kit sheet is
 * almost certainly FEF25.
 */
import { MeasurementFormatError } from '../errors';

/** A point of the flow-volume curve. */
export interface FlowVolumePoint {
  volumeL: number;
  flowLps: number;
}

/** A forced expiration result in L, L/s and %. */
export interface SpirometryResult {
  /** Forced vital capacity, L. */
  fvcL: number;
  /** Forced expiratory volume in 1 s, L. */
  fev1L: number;
  /** FEV1 / FVC, %. */
  fev1FvcPercent: number;
  /** Peak expiratory flow, L/s. */
  pefLps: number;
  /** Flow at 25 % of FVC exhaled (ECCS MEF75), L/s. */
  fef25Lps: number;
  /** Mean flow between 25 and 75 % of FVC, L/s. */
  fef2575Lps: number;
  /** Flow at 75 % of FVC exhaled (ECCS MEF25), L/s. */
  fef75Lps: number;
  /** Flow at 50 % of FVC exhaled, L/s, when the device reports it. */
  fef50Lps?: number;
  /** Volumes at 0.5, 3 and 6 s, L, when the device reports them (absent when the blow was shorter). */
  fev05L?: number;
  fev3L?: number;
  fev6L?: number;
  /** When the device measured it, ISO 8601, when the device says so. */
  measuredAt?: string;
  /** The device's own quality grade or message, as sent. */
  quality?: string;
  /** The reference equations the device used for predicted values (e.g. "GLI-2012"). */
  referenceSet?: string;
  /** Taken before or after a bronchodilator, when recorded. */
  bronchodilator?: 'pre' | 'post';
  /** The flow-volume curve, when the device sends it. */
  flowVolume?: FlowVolumePoint[];
}

const RESULT = 'Spirometry result';

// Plausible physiological limits with a wide margin: anything outside is a decoding error, not a patient.
const MAX_VOLUME_L = 10;
const MAX_FLOW_LPS = 20;

/**
 * Checks a result converted by a vendor adapter and returns it; throws
 * MeasurementFormatError when a value is out of range or the values contradict
 * each other (FEV1 above FVC, a ratio that does not match FEV1 / FVC, volumes
 * that shrink with time).
 */
export function validateSpirometryResult(result: SpirometryResult): SpirometryResult {
  requireRange(result.fvcL, 'FVC', 0, MAX_VOLUME_L, false);
  requireRange(result.fev1L, 'FEV1', 0, MAX_VOLUME_L, false);
  requireRange(result.fev1FvcPercent, 'FEV1/FVC', 0, 100, false);
  requireRange(result.pefLps, 'PEF', 0, MAX_FLOW_LPS, false);
  requireRange(result.fef25Lps, 'FEF25', 0, MAX_FLOW_LPS, true);
  requireRange(result.fef2575Lps, 'FEF25-75', 0, MAX_FLOW_LPS, true);
  requireRange(result.fef75Lps, 'FEF75', 0, MAX_FLOW_LPS, true);
  if (result.fef50Lps !== undefined) requireRange(result.fef50Lps, 'FEF50', 0, MAX_FLOW_LPS, true);
  if (result.fev05L !== undefined) requireRange(result.fev05L, 'FEV0.5', 0, MAX_VOLUME_L, false);
  if (result.fev3L !== undefined) requireRange(result.fev3L, 'FEV3', 0, MAX_VOLUME_L, false);
  if (result.fev6L !== undefined) requireRange(result.fev6L, 'FEV6', 0, MAX_VOLUME_L, false);

  // Exhaled volume only grows with time, and FVC is all of it.
  const volumes: [string, number | undefined][] = [
    ['FEV0.5', result.fev05L],
    ['FEV1', result.fev1L],
    ['FEV3', result.fev3L],
    ['FEV6', result.fev6L],
    ['FVC', result.fvcL],
  ];
  let previous: [string, number] | undefined;
  for (const [name, value] of volumes) {
    if (value === undefined) continue;
    if (previous !== undefined && value < previous[1]) {
      throw new MeasurementFormatError({
        code: 'inconsistent',
        characteristic: RESULT,
        field: name,
        detail: `${previous[0]} (${previous[1]} L) is larger than ${name} (${value} L)`,
      });
    }
    previous = [name, value];
  }

  // Each of FEV1 and FVC is rounded to 0.01 L (a device may truncate): allow for that, plus the ratio's own rounding.
  const computed = (100 * result.fev1L) / result.fvcL;
  const tolerance = 0.5 + 2 / result.fvcL;
  if (Math.abs(computed - result.fev1FvcPercent) > tolerance) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: RESULT,
      field: 'FEV1/FVC',
      detail: `FEV1/FVC is ${result.fev1FvcPercent} %, but FEV1 ${result.fev1L} L / FVC ${result.fvcL} L is ${computed.toFixed(1)} %`,
    });
  }

  for (const [index, point] of (result.flowVolume ?? []).entries()) {
    requireRange(point.volumeL, `flow-volume point ${index} volume`, 0, MAX_VOLUME_L, true);
    requireRange(point.flowLps, `flow-volume point ${index} flow`, -MAX_FLOW_LPS, MAX_FLOW_LPS, true);
  }
  return result;
}

function requireRange(value: number, field: string, min: number, max: number, minIncluded: boolean): void {
  const aboveMin = minIncluded ? value >= min : value > min;
  if (!Number.isFinite(value) || !aboveMin || value > max) {
    throw new MeasurementFormatError({
      code: 'out-of-range',
      characteristic: RESULT,
      field,
      detail: `${field} is ${value}, outside ${minIncluded ? '[' : '('}${min}, ${max}]`,
    });
  }
}
