// The page's entry: the theme (Chinese locale, a sober desktop look) around the app.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { theme } from './theme';
import { App } from './App';
import { StartupNotice } from './features/backups/StartupNotice';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <StartupNotice />
      <App />
    </ThemeProvider>
  </StrictMode>,
);
