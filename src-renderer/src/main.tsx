import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { loadMediaToken } from './ipc/client.js';
import { startAppStore } from './state/app-store.js';
import './styles.css';

startAppStore();
void loadMediaToken().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
