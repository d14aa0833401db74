import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { provideTranslateService } from '@ngx-translate/core';
import { provideTranslateHttpLoader } from '@ngx-translate/http-loader';
import { routes } from './app.routes';
import { apiInterceptor } from './core/auth/api-interceptor';
import { LanguageService } from './core/i18n/language';
import { TranslatedTitleStrategy } from './core/i18n/title-strategy';
import { SessionLifecycle } from './core/session/session-lifecycle';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([apiInterceptor])),
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideTranslateService({
      lang: 'it',
      fallbackLang: 'it',
      loader: provideTranslateHttpLoader({ prefix: '/i18n/', suffix: '.json' }),
    }),
    provideServiceWorker('ngsw-worker.js', {
      enabled: !isDevMode(),
      // Active on the first visit, so the app opens offline right after the first login.
      registrationStrategy: 'registerImmediately',
    }),
    provideAppInitializer(() => {
      // Opens the signed-in user's database and starts sync (also offline, from the stored session).
      inject(SessionLifecycle);
      return inject(LanguageService).init();
    }),
  ],
};
