/** @jsxImportSource react */
// The page's client entry: hydrates what the server rendered, recording any hydration problem.
import { hydrateRoot } from 'react-dom/client';
import { App, type AppProps } from './app';

const props = JSON.parse(document.getElementById('props')!.textContent!) as AppProps;
const problems: string[] = [];
Object.assign(window, { __hydrationProblems: problems, __hydrated: false });
hydrateRoot(document.getElementById('root')!, <App {...props} />, {
  onRecoverableError: (error) => problems.push(String(error)),
});
Object.assign(window, { __hydrated: true });
