import { HOME_KIND_DEFINITIONS, HOME_KINDS, isHomeKind, stepKeys } from './home-kinds';

describe('home kinds', () => {
  it('when the home screen lists the kinds, then they are the six of the kit, in order', () => {
    expect(HOME_KINDS).toEqual(['pressione', 'ossigeno', 'temperatura', 'ecg', 'spirometria', 'peso']);
    expect(Object.keys(HOME_KIND_DEFINITIONS)).toEqual([...HOME_KINDS]);
  });

  it('when a route segment is checked, then only the six kinds are accepted', () => {
    expect(isHomeKind('pressione')).toBe(true);
    expect(isHomeKind('glicemia')).toBe(false);
    expect(isHomeKind('')).toBe(false);
  });

  it('when blood pressure is measured with a device, then two preparation steps come before starting the device', () => {
    expect(stepKeys('pressione')).toEqual(['homeKit.steps.pressione.1', 'homeKit.steps.pressione.2', 'homeKit.steps.pressione.device']);
  });

  it('when blood pressure is typed by hand, then the last step says to type what the display shows', () => {
    expect(stepKeys('pressione', 'manual')).toEqual(['homeKit.steps.pressione.1', 'homeKit.steps.pressione.2', 'homeKit.steps.pressione.manual']);
  });

  it('when an ECG is asked for by hand, then there is no field to type (a trace cannot be typed)', () => {
    expect(HOME_KIND_DEFINITIONS.ecg.manual).toEqual([]);
    expect(HOME_KIND_DEFINITIONS.pressione.manual.filter((f) => f.required).map((f) => f.kind)).toEqual(['systolic', 'diastolic']);
  });
});
