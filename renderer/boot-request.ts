// The renderer's first line (main.tsx imports it before anything else): one request for everything
// the first screen needs. The preload sent the same request before this script ran, so this takes
// the answer already on its way (see preload/bridge.ts). Main has been restoring the accounts and
// fetching the first token page since launch (main/boot/boot-service.ts).
import { bootRequestFor } from '../preload/boot-request.ts';
import { readBridge } from './bridge.ts';

export const bootAnswer = readBridge().app.boot(bootRequestFor(window.location.hash));
