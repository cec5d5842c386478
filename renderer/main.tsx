import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DataProvider } from './data/query';
import { WorkspaceProvider } from './state';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DataProvider>
      <WorkspaceProvider>
        <App />
      </WorkspaceProvider>
    </DataProvider>
  </StrictMode>,
);
