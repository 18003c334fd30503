// The renderer's first line (main.tsx imports it before anything else): one request for everything
// the first screen needs, sent before the rest of the app's code runs. Main has been restoring the
// accounts and fetching the first token page since launch (main/boot/boot-service.ts).
import { readBridge } from './bridge.ts';
import { routeOf } from './routing/hash-route.ts';

export const bootAnswer = readBridge().app.boot({ showsTokens: routeOf(window.location.hash) === 'tokens' });
