import type { DeviceDoc } from '@prossima/domain';
import { ESPOSITO_KIT } from './demo-clinical';
import { addDays, instantOn } from './demo-dates';
import { CARE_STARTED_DAYS_AGO } from './demo-visits';

const ROSSI = 'u-ifec-rossi';

/**
 * The paired devices of the demo: Antonio Esposito's home telemonitoring kit
 * (paired by his nurse at the first visit) and ifec.rossi's own kit, which
 * belongs to her rather than to a patient (`ownerId`).
 */
export function demoDevices(today: string): DeviceDoc[] {
  const firstVisit = addDays(today, -CARE_STARTED_DAYS_AGO + 1);
  const pairedAt = instantOn(firstVisit, '09:30');
  const yesterday = addDays(today, -1);
  const common = { districtId: 'distretto-a', pairedAt, status: 'active' as const, updatedAt: pairedAt, updatedBy: ROSSI };
  return [
    {
      id: ESPOSITO_KIT.bloodPressure.id,
      ...common,
      patientId: 'pat-a-001',
      kind: 'blood-pressure',
      model: ESPOSITO_KIT.bloodPressure.model,
      name: 'Misuratore di pressione',
      bluetoothId: 'q3Vd9Lx0Tk2mRf7sWp1eHg==',
      lastSeenAt: instantOn(yesterday, '06:30'),
      batteryPercent: 78,
    },
    {
      id: ESPOSITO_KIT.oximeter.id,
      ...common,
      patientId: 'pat-a-001',
      kind: 'pulse-oximeter',
      model: ESPOSITO_KIT.oximeter.model,
      name: 'Saturimetro',
      bluetoothId: 'Zb6Ny2Qc8Jw4Ua0Hd5rKtA==',
      lastSeenAt: instantOn(yesterday, '06:32'),
      batteryPercent: 64,
    },
    {
      id: 'dev-u-ifec-rossi-tablet',
      ...common,
      ownerId: ROSSI,
      kind: 'tablet',
      model: 'Samsung Galaxy Tab Active5',
      name: 'Tablet di Giulia Rossi',
    },
    {
      id: 'dev-u-ifec-rossi-thermo',
      ...common,
      ownerId: ROSSI,
      kind: 'thermometer',
      model: 'ThermoCheck BLE',
      name: 'Termometro del kit infermieristico',
      bluetoothId: 'Lm8Tq1Vx5Ce3Ko9Ys2fBnw==',
      batteryPercent: 91,
    },
    {
      id: 'dev-u-ifec-rossi-ecg',
      ...common,
      ownerId: ROSSI,
      kind: 'ecg',
      model: 'Polar H10',
      name: 'Fascia ECG monotraccia',
      bluetoothId: 'Pw4Hc7Ag0Rz6Nt3Xu9eJkQ==',
      batteryPercent: 55,
    },
  ];
}
