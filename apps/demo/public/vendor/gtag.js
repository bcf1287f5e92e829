// Local stand-in for Google's gtag.js (the demo works offline and e2e tests can observe it).
// Like the real tag it reads the dataLayer, follows Consent Mode (no cookie while analytics_storage
// is denied), sets _ga and _ga_<id> for two years, and records a page_view hit per `config`.
(() => {
  window.__ran = window.__ran || [];
  window.__ran.push('gtag');
  const id = new URL(document.currentScript.src).searchParams.get('id') || 'G-DEMO';
  window.dataLayer = window.dataLayer || [];
  const dataLayer = window.dataLayer;
  const state = { id: id, consent: {}, hits: [] };
  window.__gtag = state;
  const now = Math.floor(Date.now() / 1000);

  function cookie(name, value) {
    document.cookie = `${name}=${value}; path=/; max-age=${60 * 60 * 24 * 400}; SameSite=Lax`;
  }
  function hasCookie(name) {
    return document.cookie.split('; ').some((c) => c.indexOf(`${name}=`) === 0);
  }
  function handle(entry) {
    const command = entry?.[0];
    if (command === 'consent') Object.assign(state.consent, entry[2]);
    if (command !== 'config' && command !== 'consent') return;
    if (state.consent.analytics_storage === 'denied') return;
    if (!hasCookie('_ga')) cookie('_ga', `GA1.1.${Math.floor(Math.random() * 1e9)}.${now}`);
    cookie(`_ga_${id.replace(/^G-/, '')}`, `GS1.1.${now}.1.0.${now}.0.0.0`);
    if (command === 'config') state.hits.push({ type: 'page_view', id: entry[1], page: location.pathname });
  }
  // The entries are what the page pushed: gtag's own `arguments` objects, read by index like arrays.
  for (const entry of dataLayer) handle(entry);
  const push = dataLayer.push;
  dataLayer.push = (...entries) => {
    for (const entry of entries) handle(entry);
    return push.apply(dataLayer, entries);
  };
})();
