import { useSyncExternalStore } from 'react';
import { TOKENS_HASH } from '../../preload/boot-request.ts';

/** The screens the app can show; the hash keeps them addressable (`#/account/tokens`). */
export type Route = 'home' | 'profile' | 'password' | 'tokens' | 'all-tokens';

const PATHS: Record<Route, string> = {
  home: '#/',
  profile: '#/account/profile',
  password: '#/account/password',
  tokens: TOKENS_HASH,
  'all-tokens': '#/all-tokens',
};

export function hrefOf(route: Route): string {
  return PATHS[route];
}

export function routeOf(hash: string): Route {
  const found = (Object.keys(PATHS) as Route[]).find((route) => PATHS[route] === hash);
  return found ?? 'home';
}

export function navigate(route: Route): void {
  window.location.hash = PATHS[route];
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, re-rendering on every hash change. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => routeOf(window.location.hash));
}
