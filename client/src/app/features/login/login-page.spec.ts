import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { NURSE, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
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
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/oggi');
  });
});
