// First: the one request for everything the first screen needs (see boot-request.ts).
import { bootAnswer } from './boot-request.ts';
// Font, theme and base styles first, so feature styles imported by the components can build on them.
import './styles/fonts.css';
import './styles/theme.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { readBridge } from './bridge.ts';
import { createAppStores } from './stores/app-stores.ts';
import { startApp } from './stores/start-app.ts';
import { StoresProvider } from './stores/stores-context.tsx';
import { loadEveryOnDemand } from './ui/load-when-opened.tsx';

const stores = createAppStores(readBridge());
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

// The first render already has the words, the session and (on the Tokens tab) the first rows.
void startApp(stores, bootAnswer).then(() => {
  createRoot(root).render(
    <StrictMode>
      <StoresProvider stores={stores}>
        <App />
      </StoresProvider>
    </StrictMode>,
  );
  // The rest of the app's code arrives once the first screen is painted (a frame, then a task after
  // it), so the user menu and the toasts are there at once and a page or dialog opens at once.
  requestAnimationFrame(() => setTimeout(() => void loadEveryOnDemand()));
});
