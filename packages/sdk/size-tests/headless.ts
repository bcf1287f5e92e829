// A site that draws its own banner: the runtime only, driven from the site's own code.
import { createConsent } from '../src/headless';

const consent = createConsent({ site: 'clikodoc', collector: 'https://consent.example.org' });
consent.on('change', (snapshot) =>
  document.body.classList.toggle('consent-needed', snapshot.status === 'needs-decision'),
);
document.querySelector('#accept')?.addEventListener('click', () => consent.acceptAll());
document.querySelector('#reject')?.addEventListener('click', () => consent.rejectAll());
