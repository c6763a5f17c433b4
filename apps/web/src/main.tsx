// The web app's entry: languages first (the first paint is already translated), then the router
// inside the signed-in user's context.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { router } from './app/router';
import { AuthProvider } from './auth/auth-context';
import { initI18n } from './i18n/i18n';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
void initI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </StrictMode>,
  ),
);
