import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.js';
import { I18nProvider } from './i18n/I18n.js';
import { SessionProvider } from './session/Session.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root saknas i index.html');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
