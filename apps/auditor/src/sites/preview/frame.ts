// Runs in the console's preview frame, right after consent.js (dist/preview-frame.js): the console
// cannot reach into the frame (an opaque origin), so this script opens the view it asked for
// (`data-view`) and tells it whether consent.js started, by a message carrying nothing else.
import './frame.css';

interface PreviewRuntime {
  show(view: 'dialog' | 'history'): void;
}

const view = (document.currentScript as HTMLScriptElement | null)?.dataset.view;
const runtime = (window as Window & { ConsentLedger?: PreviewRuntime }).ConsentLedger;
if (runtime && view === 'dialog') runtime.show(view);
// The console's origin cannot be named from an opaque origin: '*', for a message that says only "started".
parent.postMessage({ consentLedgerPreview: runtime ? 'started' : 'failed' }, '*');
