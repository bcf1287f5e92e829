// The React page rendered in Node, as a server does per request: nothing of the packages touches
// window or IndexedDB at import, and the request's cl_consent cookie decides what is rendered.
import { parseConsentCookie } from '@consent-ledger/protocol';
import { renderToString } from 'react-dom/server';
import { App } from './react-app';

const cookie = 'lang=fr; cl_consent=v1.1.maps.1764950400';
console.log(
  JSON.stringify({
    granted: renderToString(<App initialConsent={parseConsentCookie(cookie)} />),
    none: renderToString(<App initialConsent={null} />),
  }),
);
