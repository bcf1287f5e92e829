/** @jsxImportSource react */
// The React page of react.test.ts: a doctor's page whose map is behind <ConsentGate>, the SDK's banner
// drawn by <ConsentBanner>, rendered on the server (the test's Node process) and hydrated in Chromium.
import { ConsentBanner, type ConsentCookie, ConsentGate, ConsentProvider, useConsent } from '@consent-ledger/react';

/** What the server passes the page (inlined as JSON for hydration). */
export interface AppProps {
  collector: string;
  initialConsent: ConsentCookie | null;
}

function Status() {
  const { state } = useConsent();
  return <p id="status">{state.status}</p>;
}

/** The whole page below <body>. */
export function App({ collector, initialConsent }: AppProps) {
  return (
    <ConsentProvider site="demo" collector={collector} lang="fr" initialConsent={initialConsent}>
      <ConsentBanner />
      <h1>Cabinet du Dr Martin</h1>
      <ConsentGate purpose="maps" service="google-maps">
        <iframe title="Plan d’accès" src="https://www.google.com/maps/embed?pb=1" width={400} height={200} />
      </ConsentGate>
      <Status />
    </ConsentProvider>
  );
}
