// Which of the app's languages a system's preferred languages ask for. Shared by main (the words it
// hands the renderer at start-up) and the renderer (Profile's "system language").
import { LANGUAGES, type Language } from './contract.ts';

/** Tags that name one of the app's languages without being its exact tag. */
const ALIASES: Record<string, Language> = { zh: 'zh-Hans', 'zh-cn': 'zh-Hans', 'zh-sg': 'zh-Hans', pt: 'pt-BR' };

function languageOf(tag: string): Language | null {
  const lower = tag.trim().replace(/_/g, '-').toLowerCase();
  if (lower === '') return null;
  const exact = LANGUAGES.find((language) => language.toLowerCase() === lower);
  if (exact) return exact;
  if (ALIASES[lower]) return ALIASES[lower];
  // zh-Hant (Traditional) is not Simplified Chinese: no fallback from it or its regions.
  if (lower.startsWith('zh-hant') || lower === 'zh-tw' || lower === 'zh-hk' || lower === 'zh-mo') return null;
  const base = lower.split('-')[0] ?? '';
  return LANGUAGES.find((language) => language.toLowerCase() === base) ?? ALIASES[base] ?? null;
}

/** The first of the system's preferred languages the app speaks ("de-AT" → de, "pt-PT" → pt-BR), else English. */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return 'en';
}
