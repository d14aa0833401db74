import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { NURSE, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { AuthSession } from '../../core/auth/auth-session';
import { DataKeyVault } from '../../core/auth/data-key-vault';
import { LOCAL_STORE } from '../../core/storage';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestTranslations(), provideMemoryStorage()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render() {
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const field = (label: string) => {
      const labelEl = Array.from(el.querySelectorAll('label')).find((l) => l.textContent?.trim() === label);
      const input = labelEl ? el.querySelector<HTMLInputElement>(`#${labelEl.getAttribute('for')}`) : null;
      if (!input) throw new Error(`no input labelled ${label}`);
      return input;
    };
    const type = (label: string, value: string) => {
      const input = field(label);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      const button = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Accedi');
      button?.click();
      await fixture.whenStable();
    };
    return { fixture, el, type, submit };
  }

  it('when shown, then it has the heading and the labelled fields the users look for', async () => {
    const { el } = await render();
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Accedi a Prossima');
    const labels = Array.from(el.querySelectorAll('label')).map((l) => l.textContent?.trim());
    expect(labels).toEqual(expect.arrayContaining(['Nome utente', 'Password']));
  });

  it('when the credentials are wrong, then the alert says "Nome utente o password errati"', async () => {
    const { el, fixture, type, submit } = await render();
    type('Nome utente', 'anna');
    type('Password', 'wrong');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush({ error: 'invalid-credentials', reason: 'Wrong' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Nome utente o password errati');
  });

  it('when the server cannot be reached, then the alert says "Server non raggiungibile"', async () => {
    const { el, fixture, type, submit } = await render();
    type('Nome utente', 'anna');
    type('Password', 'secret');
    await submit();
    http.expectOne('/api/auth/login').error(new ProgressEvent('error'), { status: 0 });
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Server non raggiungibile');
  });

  it('when a field is empty, then no request is sent and the alert asks for both', async () => {
    const { el, fixture, submit } = await render();
    await submit();
    await fixture.whenStable();
    http.expectNone('/api/auth/login');
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Inserisci nome utente e password');
  });

  it('when the login succeeds, then the nurse goes to her round', async () => {
    const router = TestBed.inject(Router);
    const navigate = vi.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    const { fixture, type, submit } = await render();
    type('Nome utente', 'anna');
    type('Password', 'secret');
    await submit();
    http.expectOne('/api/auth/login').flush({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: NURSE });
    // The data key is made and wrapped (PBKDF2) before the page moves on.
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/oggi'), { timeout: 5000 });
    await fixture.whenStable();
    expect(TestBed.inject(DataKeyVault).isUnlocked(NURSE.id)).toBe(true);
  });

  it('when the session was revoked by the server, then the page says the local data was erased', async () => {
    TestBed.inject(AuthSession).clear('revoked');
    const { el } = await render();
    expect(el.textContent).toContain('La sessione è stata revocata');
  });

  it('when the password changed and changes protected by the previous one are unsent, then it asks for the previous password and recovers them', async () => {
    const router = TestBed.inject(Router);
    const navigate = vi.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    // An earlier sign-in on this device wrapped the key with the old password; one change was never sent.
    const vault = TestBed.inject(DataKeyVault);
    const key = await vault.create(NURSE.id, 'vecchia');
    vault.lock();
    TestBed.inject(LOCAL_STORE).setItem(
      `prossima.pending.${NURSE.id}`,
      JSON.stringify([{ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' }]),
    );
    const { el, fixture, type, submit } = await render();
    type('Nome utente', 'anna');
    type('Password', 'nuova');
    await submit();
    http.expectOne('/api/auth/login').flush({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: NURSE });
    await vi.waitFor(
      async () => {
        await fixture.whenStable();
        expect(el.textContent).toContain('1 modifica non ancora inviata');
      },
      { timeout: 5000 },
    );
    expect(navigate).not.toHaveBeenCalled();

    type('Password precedente', 'vecchia');
    Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Recupera le modifiche')?.click();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/oggi'), { timeout: 5000 });
    expect(vault.key()).toEqual(key);
  });
});
