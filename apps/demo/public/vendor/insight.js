// Local stand-in for the LinkedIn Insight Tag (marketing pixel): sets li_sugr for 90 days, as the
// real tag does, and records its conversion ping where tests can see it.
(() => {
  window.__ran = window.__ran || [];
  window.__ran.push('linkedin');
  const partner = new URL(document.currentScript.src).searchParams.get('partner') || '0';
  window._linkedin_data_partner_ids = [partner];
  if (document.cookie.indexOf('li_sugr=') < 0) {
    const id = crypto.randomUUID?.() || String(Math.random()).slice(2);
    document.cookie = `li_sugr=${id}; path=/; max-age=${60 * 60 * 24 * 90}; SameSite=Lax`;
  }
  window.__pixels = window.__pixels || [];
  window.__pixels.push({ partner: partner, page: location.pathname });
})();
