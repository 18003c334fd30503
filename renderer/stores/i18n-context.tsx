import { useLayoutEffect, type ReactNode } from 'react';
import { useI18nStore } from './stores-context.tsx';
import type { Translator } from '../i18n/translator.ts';

/** Shows its children once a catalog is loaded, and keeps `<html lang dir>` on the app's language. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const translator = useI18nStore((s) => s.translator);
  useLayoutEffect(() => {
    if (!translator) return;
    document.documentElement.lang = translator.language;
    document.documentElement.dir = translator.dir;
  }, [translator]);
  return translator ? children : null;
}

/** The translator of the language on screen; components re-render when the language changes. */
export function useI18n(): Translator {
  const translator = useI18nStore((s) => s.translator);
  if (!translator) throw new Error('useI18n is used outside I18nProvider.');
  return translator;
}
