// Font, theme and base styles first, so feature styles imported by the components can build on them.
import './styles/fonts.css';
import './styles/theme.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { readBridge } from './bridge.ts';
import { createAppStores } from './stores/app-stores.ts';
import { StoresProvider } from './stores/stores-context.tsx';
import { loadEveryOnDemand } from './ui/load-when-opened.tsx';

const stores = createAppStores(readBridge());
void stores.i18n.getState().start();
void stores.session.getState().load();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>
  </StrictMode>,
);

// The rest of the app's code arrives once the first screen is up, so a page or dialog opens at once.
requestIdleCallback(() => void loadEveryOnDemand(), { timeout: 2_000 });
