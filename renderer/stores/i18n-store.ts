import { createStore } from 'zustand/vanilla';
import { MENU_ITEMS, type BootAnswer, type Bridge, type Language, type MenuLabels } from '../../preload/contract.ts';
import { matchLanguage } from '../i18n/languages.ts';
import { loadCatalog as loadFromBuild, type Catalog, type LoadCatalog } from '../i18n/load-catalog.ts';
import { createTranslator, type Translator } from '../i18n/translator.ts';
import { callBridge } from './call-bridge.ts';
import type { SettingsStoreApi } from './settings-store.ts';

export interface I18nStore {
  /** null until the first catalog has loaded (the app shows nothing before). */
  translator: Translator | null;
  /** The system's preferred languages, for a user who chose none. */
  system: string[];
  /** Asks main for the system's languages and the saved choice, then loads that language's catalog. */
  start: () => Promise<void>;
  /** Starts with what main's boot answer brought: the system's languages and the words to speak. */
  startWith: (system: string[], words: BootAnswer['words']) => void;
}

interface Deps {
  bridge: Bridge;
  /** The language choice lives in the settings (Profile's select saves it there). */
  settings: SettingsStoreApi;
  loadCatalog?: LoadCatalog;
}

const menuLabels = (translator: Translator): MenuLabels =>
  Object.fromEntries(MENU_ITEMS.map((item) => [item, translator.t(`menu.${item}`)])) as MenuLabels;

/** The app's language: the saved choice, else the system's, else English; applied as soon as its catalog is here. */
export function createI18nStore({ bridge, settings, loadCatalog = loadFromBuild }: Deps) {
  return createStore<I18nStore>()((set, get) => {
    let applying = 0;
    const speak = (language: Language, catalog: Catalog) => {
      const translator = createTranslator(language, catalog);
      set({ translator });
      void callBridge(() => bridge.app.setMenuLabels(menuLabels(translator)));
    };
    const apply = async (language: Language) => {
      if (get().translator?.language === language) return;
      const request = ++applying;
      let catalog: Catalog;
      try {
        catalog = await loadCatalog(language);
      } catch {
        // A catalog that cannot load (it ships with the app, so this is a bug): English is still there.
        if (language !== 'en') await apply('en');
        return;
      }
      if (request !== applying) return;
      speak(language, catalog);
    };
    const wanted = () => settings.getState().settings?.language ?? matchLanguage(get().system);

    // A choice saved in Profile applies at once.
    settings.subscribe((now, before) => {
      if (now.settings?.language !== before.settings?.language && get().translator) void apply(wanted());
    });

    return {
      translator: null,
      system: [],
      start: async () => {
        const [system] = await Promise.all([callBridge(() => bridge.app.systemLanguages()), settings.getState().load()]);
        if (system.ok) set({ system: system.value });
        await apply(wanted());
      },
      startWith: (system, words) => {
        set({ system });
        // The catalog main bundled is the renderer's own for that language (main/boot/boot-words.ts).
        speak(words.language, words.messages as Catalog);
      },
    };
  });
}

export type I18nStoreApi = ReturnType<typeof createI18nStore>;
