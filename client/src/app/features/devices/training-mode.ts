/**
 * The training (demo) mode: the simulator's virtual devices stand in for the
 * kit, through the same drivers, so a nurse can learn the flow without
 * hardware. On with `?simulatore=1` in the address or the toggle on the
 * devices page; remembered for the tab (sessionStorage), off with
 * `?simulatore=0` or the toggle. Readings taken in it are stored like real
 * ones, their `source.model` starting with "Simulatore".
 */
import { DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { SESSION_STORE } from '../../core/storage';

/** The sessionStorage key of the flag (per tab, not per user: it is not data). */
export const TRAINING_MODE_KEY = 'prossima-training-devices';
/** What `source.model` and a simulated DeviceDoc's model start with. */
export const SIMULATOR_MODEL_PREFIX = 'Simulatore';

/** Whether the kit is simulated in this tab. */
@Injectable({ providedIn: 'root' })
export class TrainingMode {
  private readonly store = inject(SESSION_STORE);
  private readonly flag = signal(this.initial(inject(DOCUMENT).defaultView?.location.search ?? ''));

  /** True while the simulated devices replace Web Bluetooth. */
  readonly enabled = this.flag.asReadonly();

  /** Turns the mode on or off for this tab. */
  set(on: boolean): void {
    if (on) this.store.setItem(TRAINING_MODE_KEY, '1');
    else this.store.removeItem(TRAINING_MODE_KEY);
    this.flag.set(on);
  }

  /** Applies a `simulatore` query parameter: "1" turns the mode on, "0" off, anything else leaves it. */
  applyQuery(value: string | null | undefined): void {
    if (value === '1') this.set(true);
    else if (value === '0') this.set(false);
  }

  private initial(search: string): boolean {
    const asked = new URLSearchParams(search).get('simulatore');
    if (asked === '1') this.store.setItem(TRAINING_MODE_KEY, '1');
    if (asked === '0') this.store.removeItem(TRAINING_MODE_KEY);
    return this.store.getItem(TRAINING_MODE_KEY) === '1';
  }
}
