// The React page's browser entry: hydrates what react-server.tsx rendered.
import { hydrateRoot } from 'react-dom/client';
import { App } from './react-app';

const root = document.getElementById('root');
if (root) hydrateRoot(root, <App initialConsent={null} />);
