import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { KeyValueStore, LOCAL_STORE } from '../storage';

/** The languages of the interface: Italian by default, English on request. */
export const LANGUAGES = ['it', 'en'] as const;
/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'prossima.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The interface language: remembered on the device, mirrored in `<html lang>`. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly store: KeyValueStore = inject(LOCAL_STORE);
  private readonly document = inject(DOCUMENT);
  private readonly language = signal<Language>(this.remembered());

  /** The active language. */
  readonly current = this.language.asReadonly();
  /** The language the switch offers. */
  readonly other = computed<Language>(() => (this.language() === 'it' ? 'en' : 'it'));

  /** Loads the active language's translations (the app waits for it, so no key flashes on screen). */
  async init(): Promise<void> {
    await this.use(this.language());
  }

  /** Switches to `language` and remembers the choice. */
  async use(language: Language): Promise<void> {
    this.language.set(language);
    this.store.setItem(LANGUAGE_KEY, language);
    this.document.documentElement.lang = language;
    try {
      await firstValueFrom(this.translate.use(language));
    } catch (err) {
      // Offline before the service worker cached the file: keys show instead of text, the app still works.
      console.warn(`Translations for "${language}" could not be loaded`, err);
    }
  }

  /** Switches to the other language. */
  toggle(): Promise<void> {
    return this.use(this.other());
  }

  private remembered(): Language {
    const stored = this.store.getItem(LANGUAGE_KEY);
    return isLanguage(stored) ? stored : 'it';
  }
}
