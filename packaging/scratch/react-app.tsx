// A React site's page over the installed @consent-ledger/react: the map behind its gate, the SDK's
// banner, a footer with the visitor's actions. Rendered by react-server.tsx, hydrated by react-page.tsx.
import { ConsentBanner, type ConsentCookie, ConsentGate, ConsentProvider, useConsent } from '@consent-ledger/react';

function Footer() {
  const { state, show, withdraw } = useConsent();
  return (
    <footer data-status={state.status}>
      <button type="button" onClick={() => show()}>
        Cookies
      </button>
      <button type="button" onClick={() => void withdraw()}>
        Retirer mon consentement
      </button>
    </footer>
  );
}

/** The page below <body>; `initialConsent` is the server's reading of the request's cl_consent cookie. */
export function App({ initialConsent }: { initialConsent: ConsentCookie | null }) {
  return (
    <ConsentProvider
      site="cabinet"
      collector="https://consent.cabinet.example"
      lang="fr"
      initialConsent={initialConsent}
    >
      <ConsentBanner />
      <ConsentGate purpose="maps" fallback={<p>Carte masquée</p>}>
        <iframe title="Plan" src="https://maps.example/embed" />
      </ConsentGate>
      <Footer />
    </ConsentProvider>
  );
}
