import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { NURSE, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { DataKeyVault } from '../../core/auth/data-key-vault';
import { LOCAL_STORE } from '../../core/storage';
import { UnlockPage } from './unlock-page';

describe('UnlockPage', () => {
  let navigate: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestTranslations(), provideMemoryStorage()],
    });
    // A session from an earlier online sign-in on this device.
    TestBed.inject(LOCAL_STORE).setItem('prossima.session', JSON.stringify({ user: NURSE, refreshToken: 'r' }));
    navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true) as unknown as ReturnType<typeof vi.fn>;
  });

  /** The key wrapped with `password` at an earlier sign-in, and this tab locked (a cold start). */
  async function keyWrappedWith(password: string): Promise<void> {
    const vault = TestBed.inject(DataKeyVault);
    await vault.create(NURSE.id, password);
    vault.lock();
  }

  async function render() {
    const fixture = TestBed.createComponent(UnlockPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = () => {
      const label = Array.from(el.querySelectorAll('label')).find((l) => l.textContent?.trim() === 'Password');
      const found = label ? el.querySelector<HTMLInputElement>(`#${label.getAttribute('for')}`) : null;
      if (!found) throw new Error('no input labelled Password');
      return found;
    };
    const submitWith = async (password: string) => {
      input().value = password;
      input().dispatchEvent(new Event('input'));
      Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Sblocca')?.click();
      await fixture.whenStable();
      // PBKDF2 runs in WebCrypto: wait until the page is idle again.
      await vi.waitFor(() => expect(el.querySelector('button[type="submit"]')?.hasAttribute('disabled')).toBe(false), { timeout: 5000 });
      await fixture.whenStable();
    };
    return { fixture, el, submitWith };
  }

  it('when shown, then it has the heading, the labelled password field and the button', async () => {
    await keyWrappedWith('prossima');
    const { el } = await render();
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Sblocca Prossima');
    expect(Array.from(el.querySelectorAll('label')).map((l) => l.textContent?.trim())).toContain('Password');
    expect(Array.from(el.querySelectorAll('button')).map((b) => b.textContent?.trim())).toContain('Sblocca');
    expect(el.textContent).toContain('Anna Bianchi');
  });

  it('when the password is wrong, then the alert says "Password errata", the key stays locked and no request is sent', async () => {
    await keyWrappedWith('prossima');
    const { el, submitWith } = await render();
    await submitWith('sbagliata');
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Password errata');
    expect(TestBed.inject(DataKeyVault).isUnlocked(NURSE.id)).toBe(false);
    TestBed.inject(HttpTestingController).expectNone('/api/auth/login');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('when the password is right, then the key is unlocked offline and the nurse goes to her round', async () => {
    await keyWrappedWith('prossima');
    const { submitWith } = await render();
    await submitWith('prossima');
    expect(TestBed.inject(DataKeyVault).isUnlocked(NURSE.id)).toBe(true);
    TestBed.inject(HttpTestingController).expectNone('/api/auth/login');
    expect(navigate).toHaveBeenCalledWith('/oggi');
  });

  it('when the field is empty, then the alert asks for the password', async () => {
    await keyWrappedWith('prossima');
    const { el, fixture } = await render();
    Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Sblocca')?.click();
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Inserisci la password');
  });

  it('when this device has no key for the session yet, then it says so and the password signs in online to make one', async () => {
    const { el, fixture } = await render();
    expect(el.textContent).toContain('serve un accesso con la connessione');
    const label = Array.from(el.querySelectorAll('label')).find((l) => l.textContent?.trim() === 'Password')!;
    const input = el.querySelector<HTMLInputElement>(`#${label.getAttribute('for')}`)!;
    input.value = 'prossima';
    input.dispatchEvent(new Event('input'));
    Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Sblocca')?.click();
    await fixture.whenStable();

    const http = TestBed.inject(HttpTestingController);
    const request = await vi.waitFor(() => http.expectOne('/api/auth/login'));
    expect(request.request.body).toMatchObject({ username: 'anna', password: 'prossima' });
    request.flush({ accessToken: 'a', refreshToken: 'r2', expiresIn: 900, user: NURSE });
    await vi.waitFor(() => expect(TestBed.inject(DataKeyVault).isUnlocked(NURSE.id)).toBe(true), { timeout: 5000 });
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/oggi'));
  });
});
