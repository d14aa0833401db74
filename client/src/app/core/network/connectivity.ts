import { computed, DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';

/**
 * Whether the app can talk to the server: the browser's own flag
 * (`navigator.onLine` and its events) and what the last sync request found
 * (a browser on a network without our server is offline for us).
 */
@Injectable({ providedIn: 'root' })
export class Connectivity {
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly browser = signal(this.window?.navigator.onLine ?? true);
  private readonly reachable = signal(true);

  /** The browser says it has a network. */
  readonly browserOnline = this.browser.asReadonly();
  /** The server answered the last request (or nothing has failed yet). */
  readonly serverReachable = this.reachable.asReadonly();
  /** Online for the app: a network, and the server answering on it. */
  readonly online = computed(() => this.browser() && this.reachable());

  constructor() {
    const win = this.window;
    if (!win) return;
    const onOnline = () => {
      this.browser.set(true);
      // Give the server the benefit of the doubt: the next request says the truth.
      this.reachable.set(true);
    };
    const onOffline = () => this.browser.set(false);
    win.addEventListener('online', onOnline);
    win.addEventListener('offline', onOffline);
    inject(DestroyRef).onDestroy(() => {
      win.removeEventListener('online', onOnline);
      win.removeEventListener('offline', onOffline);
    });
  }

  /** Records whether a request to the server got an answer. */
  reportServerReachable(reachable: boolean): void {
    this.reachable.set(reachable);
  }
}
