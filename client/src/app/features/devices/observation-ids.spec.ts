import { DOCUMENT_ID_PATTERN } from '@prossima/domain';
import { deviceKey, deviceObservationId, fnv1a64, pairedDeviceDocId, readingMarker, unpairedDeviceId } from './observation-ids';

const ID = new RegExp(DOCUMENT_ID_PATTERN);

describe('observation ids', () => {
  it('when a string is hashed, then FNV-1a 64 gives its known value, 16 hex digits', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(deviceKey('Lm8Tq1Vx5Ce3Ko9Ys2fBnw==')).toMatch(/^[0-9a-f]{16}$/);
    expect(deviceKey('Lm8Tq1Vx5Ce3Ko9Ys2fBnw==')).not.toBe(deviceKey('lm8tq1vx5ce3ko9ys2fbnw=='));
  });

  it('when the device numbers its records, then the sequence marks the reading, before its time', () => {
    expect(readingMarker({ deviceSequenceNumber: 42, deviceTime: '2025-06-01T09:30:00', receivedAt: '2025-11-22T09:30:00.000Z' })).toBe('s42');
  });

  it('when it only stamps them, then the device time does (letters and digits only); with neither, the end of the measurement', () => {
    expect(readingMarker({ deviceTime: '2025-06-01T09:30:00', receivedAt: '2025-11-22T09:30:00.000Z' })).toBe('t20250601t093000');
    expect(readingMarker({ deviceTime: '2025-06-01T09:30:00.000Z', receivedAt: '2025-11-22T09:30:00.000Z' })).toBe('t20250601t093000000z');
    expect(readingMarker({ receivedAt: '2025-11-22T09:30:00.000Z' })).toBe(`r${Date.parse('2025-11-22T09:30:00.000Z')}`);
  });

  it('when an id is made, then it is lower case and a valid document id; a bad part throws', () => {
    const id = deviceObservationId(deviceKey('C0:FF:EE:00:00:01'), 's7', 'capillary-glucose');
    expect(id).toMatch(/^obs-dev-[0-9a-f]{16}-s7-capillary-glucose$/);
    expect(id).toMatch(ID);
    expect(() => deviceObservationId('key', 'with space', 'spo2')).toThrow(TypeError);
    expect(() => readingMarker({ receivedAt: 'yesterday' })).toThrow(TypeError);
  });

  it('when a device is stored, then its ids are valid and the same device gets the same DeviceDoc id again', () => {
    expect(unpairedDeviceId('q3Vd9Lx0Tk2mRf7sWp1eHg==')).toMatch(/^ble-[0-9a-f]{16}$/);
    const id = pairedDeviceDocId('u-ifec-rossi', 'q3Vd9Lx0Tk2mRf7sWp1eHg==');
    expect(id).toMatch(/^dev-u-ifec-rossi-[0-9a-f]{16}$/);
    expect(id).toMatch(ID);
    expect(pairedDeviceDocId('u-ifec-rossi', 'q3Vd9Lx0Tk2mRf7sWp1eHg==')).toBe(id);
    expect(pairedDeviceDocId('Strange Owner!', 'x')).toMatch(ID);
  });
});
