// The renderer's message catalogs, for the boot answer: the words of the language the app speaks
// come with everything else the first screen needs, so no language costs a second round trip.
import type { BootAnswer, Language } from '../../preload/contract.ts';
import ar from '../../renderer/i18n/catalogs/ar.json' with { type: 'json' };
import de from '../../renderer/i18n/catalogs/de.json' with { type: 'json' };
import en from '../../renderer/i18n/catalogs/en.json' with { type: 'json' };
import es from '../../renderer/i18n/catalogs/es.json' with { type: 'json' };
import fr from '../../renderer/i18n/catalogs/fr.json' with { type: 'json' };
import ja from '../../renderer/i18n/catalogs/ja.json' with { type: 'json' };
import ptBR from '../../renderer/i18n/catalogs/pt-BR.json' with { type: 'json' };
import ru from '../../renderer/i18n/catalogs/ru.json' with { type: 'json' };
import zhHans from '../../renderer/i18n/catalogs/zh-Hans.json' with { type: 'json' };

const CATALOGS: Record<Language, Record<string, string>> = { en, 'zh-Hans': zhHans, es, 'pt-BR': ptBR, de, fr, ja, ru, ar };

/** One language's messages, as the renderer's catalog for it holds them. */
export const wordsOf = (language: Language): BootAnswer['words'] => ({ language, messages: CATALOGS[language] });
