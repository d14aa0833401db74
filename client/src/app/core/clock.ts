import { InjectionToken } from '@angular/core';

/** The current instant; injected so tests can fix the time. */
export type Clock = () => Date;

/** The app's clock (the system time by default). */
export const CLOCK = new InjectionToken<Clock>('CLOCK', {
  providedIn: 'root',
  factory: () => () => new Date(),
});
