// Entry of the auditor bundle (dist/app.js): mounts the UI served at /audit/.
import { render } from 'preact';
import { App } from './app';
import './styles.css';

render(<App />, document.getElementById('app')!);
