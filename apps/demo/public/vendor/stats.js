// Local stand-in for clikOdoc's own usage statistics: one first-party cookie kept 13 months.
(() => {
  window.__ran = window.__ran || [];
  window.__ran.push('stats');
  if (document.cookie.indexOf('_clk_stats=') < 0)
    document.cookie = `_clk_stats=${Date.now().toString(36)}; path=/; max-age=${60 * 60 * 24 * 395}; SameSite=Lax`;
})();
