// Local stand-in for the Intercom messenger: the launcher bubble and its intercom-id-<app> cookie.
(() => {
  window.__ran = window.__ran || [];
  window.__ran.push('intercom');
  const app = new URL(document.currentScript.src).searchParams.get('app') || 'demo';
  if (document.cookie.indexOf(`intercom-id-${app}=`) < 0)
    document.cookie = `intercom-id-${app}=${Math.random().toString(36).slice(2)}; path=/; max-age=${60 * 60 * 24 * 270}; SameSite=Lax`;
  const launcher = document.createElement('button');
  launcher.textContent = '💬';
  launcher.setAttribute('aria-label', 'Ouvrir la messagerie');
  launcher.style.cssText =
    'position:fixed;right:20px;bottom:20px;width:56px;height:56px;border:0;border-radius:50%;background:#286efa;color:#fff;font-size:24px;cursor:pointer;box-shadow:0 2px 10px #0004';
  document.body.appendChild(launcher);
})();
