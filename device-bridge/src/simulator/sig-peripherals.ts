/**
 * Virtual peripherals for the SIG profiles: blood pressure monitor,
 * thermometer, pulse oximeter, heart rate sensor, scale. Each plays its
 * measurement when the page subscribes to the characteristic that carries it,
 * as a device does once the user has started it.
 */
import { BLOOD_PRESSURE_UUIDS } from '../gatt/blood-pressure';
import { HEALTH_THERMOMETER_UUIDS } from '../gatt/health-thermometer';
import { HEART_RATE_UUIDS } from '../gatt/heart-rate';
import { PULSE_OXIMETER_UUIDS } from '../gatt/pulse-oximeter';
import { WEIGHT_SCALE_UUIDS } from '../gatt/weight-scale';
import { uuid128 } from '../transport/uuid';
import { batteryService, characteristic, deviceInformationService, SIMULATED_TIME, type PeripheralOptions } from './peripheral-parts';
import {
  encodeBloodPressureMeasurement,
  encodeHeartRateMeasurement,
  encodeIntermediateCuffPressure,
  encodeIntermediateTemperature,
  encodePlxContinuous,
  encodeTemperatureMeasurement,
  encodeWeightMeasurement,
} from './sig-encoders';
import { measurementBatches, type Frame, type VirtualPeripheral } from './virtual-peripheral';

const MANUFACTURER = 'Prossima Simulator';

/** A blood pressure monitor: cuff inflation and deflation, then 128/82 mmHg, pulse 72 (by default). */
export function simulatedBloodPressureMonitor(
  options: PeripheralOptions & { systolic?: number; diastolic?: number; pulseRate?: number; time?: string } = {},
): VirtualPeripheral {
  const systolic = options.systolic ?? 128;
  const diastolic = options.diastolic ?? 82;
  const service = uuid128(BLOOD_PRESSURE_UUIDS.service);
  const measurement = uuid128(BLOOD_PRESSURE_UUIDS.measurement);
  const intermediate = uuid128(BLOOD_PRESSURE_UUIDS.intermediateCuffPressure);
  const frames: Frame[] = [];
  for (let pressure = 0; pressure <= systolic + 30; pressure += 10)
    frames.push({ characteristic: intermediate, bytes: encodeIntermediateCuffPressure(pressure), delayMs: 250 });
  for (let pressure = systolic + 24; pressure >= diastolic - 10; pressure -= 6)
    frames.push({ characteristic: intermediate, bytes: encodeIntermediateCuffPressure(pressure), delayMs: 400 });
  frames.push({
    characteristic: measurement,
    delayMs: 600,
    bytes: encodeBloodPressureMeasurement({
      systolic,
      diastolic,
      meanArterialPressure: Math.round(diastolic + (systolic - diastolic) / 3),
      pulseRate: options.pulseRate ?? 72,
      time: options.time ?? SIMULATED_TIME,
    }),
  });
  return {
    name: options.name ?? 'BP Monitor (simulated)',
    address: options.address ?? 'C0:FF:EE:00:00:01',
    family: 'blood-pressure',
    description: 'Blood pressure monitor, Bluetooth Blood Pressure profile',
    services: [
      {
        uuid: service,
        characteristics: [
          characteristic(measurement, { indicate: true }),
          characteristic(intermediate, { notify: true }),
          characteristic(uuid128(BLOOD_PRESSURE_UUIDS.feature), { read: true }, '0000'),
        ],
      },
      deviceInformationService(MANUFACTURER, 'BPM-1'),
      batteryService(85),
    ],
    reactions: [
      {
        id: 'measurement',
        on: 'subscribe',
        characteristic: measurement,
        ...measurementBatches(frames, { fault: options.fault, corruption: 'truncate' }),
      },
    ],
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
}

/** An ear thermometer: a few intermediate values, then 36.8 °C (by default). */
export function simulatedThermometer(options: PeripheralOptions & { celsius?: number; time?: string } = {}): VirtualPeripheral {
  const celsius = options.celsius ?? 36.8;
  const uuids = HEALTH_THERMOMETER_UUIDS;
  const frames: Frame[] = [];
  for (let step = 4; step >= 1; step--) {
    frames.push({
      characteristic: uuids.intermediateTemperature,
      bytes: encodeIntermediateTemperature(celsius - 0.3 * step),
      delayMs: 500,
    });
  }
  const ear = 3;
  frames.push({
    characteristic: uuids.measurement,
    bytes: encodeTemperatureMeasurement({ celsius, time: options.time ?? SIMULATED_TIME, type: ear }),
    delayMs: 700,
  });
  return {
    name: options.name ?? 'Thermometer (simulated)',
    address: options.address ?? 'C0:FF:EE:00:00:02',
    family: 'thermometer',
    description: 'Ear thermometer, Bluetooth Health Thermometer profile',
    services: [
      {
        uuid: uuids.service,
        characteristics: [
          characteristic(uuids.measurement, { indicate: true }),
          characteristic(uuids.intermediateTemperature, { notify: true }),
          characteristic(uuids.temperatureType, { read: true }, '03'),
        ],
      },
      deviceInformationService(MANUFACTURER, 'TH-1'),
      batteryService(70),
    ],
    reactions: [
      {
        id: 'measurement',
        on: 'subscribe',
        characteristic: uuids.measurement,
        ...measurementBatches(frames, { fault: options.fault, corruption: 'truncate' }),
      },
    ],
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
}

/** A fingertip oximeter streaming continuous readings once a second: two early estimates, then SpO2 97 %, pulse around 70. */
export function simulatedPulseOximeter(options: PeripheralOptions & { spo2?: number; pulseRate?: number } = {}): VirtualPeripheral {
  const spo2 = options.spo2 ?? 97;
  const pulse = options.pulseRate ?? 70;
  const uuids = PULSE_OXIMETER_UUIDS;
  const ongoing = 1 << 5;
  const early = 1 << 6;
  const readings = [
    { spo2: spo2 - 2, pulseRate: pulse + 5, measurementStatus: ongoing | early },
    { spo2: spo2 - 1, pulseRate: pulse + 2, measurementStatus: ongoing | early },
    ...[pulse + 1, pulse, pulse - 1, pulse, pulse, pulse, pulse, pulse].map((pulseRate) => ({
      spo2,
      pulseRate,
      measurementStatus: ongoing,
    })),
  ];
  const frames: Frame[] = readings.map((reading) => ({
    characteristic: uuids.continuousMeasurement,
    bytes: encodePlxContinuous(reading),
    delayMs: 1_000,
  }));
  return {
    name: options.name ?? 'Oximeter (simulated)',
    address: options.address ?? 'C0:FF:EE:00:00:03',
    family: 'pulse-oximeter',
    description: 'Fingertip pulse oximeter, Bluetooth Pulse Oximeter profile',
    services: [
      {
        uuid: uuids.service,
        characteristics: [
          characteristic(uuids.continuousMeasurement, { notify: true }),
          characteristic(uuids.features, { read: true }, '0000'),
        ],
      },
      deviceInformationService(MANUFACTURER, 'OX-1'),
      batteryService(90),
    ],
    reactions: [
      {
        id: 'continuous',
        on: 'subscribe',
        characteristic: uuids.continuousMeasurement,
        ...measurementBatches(frames, { fault: options.fault, corruption: 'truncate', badFrame: 4 }),
      },
    ],
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
}

/** A heart rate sensor sending 72 bpm (by default) with RR-intervals, once a second. */
export function simulatedHeartRateSensor(options: PeripheralOptions & { bpm?: number } = {}): VirtualPeripheral {
  const bpm = options.bpm ?? 72;
  const uuids = HEART_RATE_UUIDS;
  const frames: Frame[] = [0, 1, -1, 1, 0, 0, -1, 0, 0, 0].map((wobble) => {
    const rate = bpm + wobble;
    return {
      characteristic: uuids.measurement,
      bytes: encodeHeartRateMeasurement({ bpm: rate, rrIntervalsMs: [60_000 / rate] }),
      delayMs: 1_000,
    };
  });
  return {
    name: options.name ?? 'HR Sensor (simulated)',
    address: options.address ?? 'C0:FF:EE:00:00:04',
    family: 'heart-rate',
    description: 'Heart rate sensor, Bluetooth Heart Rate profile',
    services: [
      {
        uuid: uuids.service,
        characteristics: [
          characteristic(uuids.measurement, { notify: true }),
          characteristic(uuids.bodySensorLocation, { read: true }, '01'),
        ],
      },
      deviceInformationService(MANUFACTURER, 'HR-1'),
      batteryService(60),
    ],
    reactions: [
      {
        id: 'measurement',
        on: 'subscribe',
        characteristic: uuids.measurement,
        ...measurementBatches(frames, { fault: options.fault, corruption: 'truncate', badFrame: 3, disconnectAfter: 3 }),
      },
    ],
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
}

/** A scale: 72.4 kg, 1.70 m (BMI 25.1) by default, three seconds after the page subscribes. */
export function simulatedScale(options: PeripheralOptions & { kg?: number; heightM?: number; time?: string } = {}): VirtualPeripheral {
  const uuids = WEIGHT_SCALE_UUIDS;
  const frames: Frame[] = [
    {
      characteristic: uuids.measurement,
      bytes: encodeWeightMeasurement({ kg: options.kg ?? 72.4, heightM: options.heightM ?? 1.7, time: options.time ?? SIMULATED_TIME }),
      delayMs: 3_000,
    },
  ];
  return {
    name: options.name ?? 'Scale (simulated)',
    address: options.address ?? 'C0:FF:EE:00:00:05',
    family: 'weight',
    description: 'Body scale, Bluetooth Weight Scale profile',
    services: [
      {
        uuid: uuids.service,
        characteristics: [characteristic(uuids.measurement, { indicate: true }), characteristic(uuids.feature, { read: true }, '06000000')],
      },
      deviceInformationService(MANUFACTURER, 'SC-1'),
      batteryService(95),
    ],
    reactions: [
      {
        id: 'measurement',
        on: 'subscribe',
        characteristic: uuids.measurement,
        ...measurementBatches(frames, { fault: options.fault, corruption: 'truncate' }),
      },
    ],
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
}
