// The HTML report: one self-contained file (styles inline, screenshots as data: URLs, no script) an
// owner can mail to their DPO: the verdict, every finding in plain words in the site's language, then
// per page a screenshot of each pass and what each pass saw.
import type { SiteConfig } from '@consent-ledger/protocol';
import { html, htmlDocument } from './markup';
import { FINDING_KINDS, PASSES, type PageRecord, type PassRecord, type ScanReport } from './report';
import { fill, type ReportLanguage, type ReportTexts, TEXTS } from './texts';
import { dateTime, duration, findingSentence, purposeTexts, serviceName } from './words';

interface Context {
  t: ReportTexts;
  lang: ReportLanguage;
  config: SiteConfig | null;
  titles: Map<string, { title: string }>;
  at: Date;
}

function table(headers: string[], rows: string[][], t: ReportTexts): string {
  if (rows.length === 0) return `<p class="none">${html(t.report.nothing)}</p>`;
  const head = headers.map((h) => `<th scope="col">${html(h)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function passDetails(c: Context, pass: PassRecord): string {
  const { t } = c;
  const col = t.column;
  const who = (a: { service?: string; purpose?: string }) => [
    a.service && c.config ? serviceName(a.service, c.config, t) : a.service ? a.service : '—',
    a.purpose ? (c.titles.get(a.purpose)?.title ?? a.purpose) : '—',
  ];
  return [
    `<h4>${html(t.heading.cookies)}</h4>`,
    table(
      [col.name, col.domain, col.party, col.duration, col.service, col.purpose],
      pass.cookies.map((k) => [k.name, k.domain, t.party[k.party], duration(k.expires, c.at, c.lang, t), ...who(k)]),
      t,
    ),
    `<h4>${html(t.heading.requests)}</h4>`,
    table(
      [col.host, col.url, col.type, col.count, col.service, col.purpose],
      pass.requests.map((r) => [r.host, r.url, r.type, String(r.count), ...who(r)]),
      t,
    ),
    `<h4>${html(t.heading.storage)}</h4>`,
    table(
      [col.name, col.kind, col.origin, col.service, col.purpose],
      pass.storage.map((s) => [s.name, s.kind, s.origin, ...who(s)]),
      t,
    ),
    `<h4>${html(t.heading.frames)}</h4>`,
    table(
      [col.url, col.party, col.service, col.purpose],
      pass.frames.map((f) => [f.url, t.party[f.party], ...who(f)]),
      t,
    ),
  ].join('\n');
}

function pageSection(c: Context, page: PageRecord, screenshots: Map<string, Buffer>): string {
  const { t } = c;
  const parts = [`<section class="page">`, `<h2>${html(fill(t.report.page, { url: page.url }))}</h2>`];
  if (page.title) parts.push(`<p>${html(page.title)}</p>`);
  if (page.skipped) parts.push(`<p>${html(fill(t.report.skipped, { reason: page.skipped }))}</p>`);
  const figures = PASSES.filter((pass) => page.passes[pass]).map((pass) => {
    const record = page.passes[pass]!;
    const shot = screenshots.get(`${page.url} ${pass}`);
    const how = record.decision === 'none' ? [] : [t.report.decision[record.decision]];
    const caption = [t.pass[pass], ...how, `${(record.durationMs / 1000).toFixed(1)} s`].join(' — ');
    const img = shot
      ? `<img src="data:image/jpeg;base64,${shot.toString('base64')}" alt="${html(t.pass[pass])}" width="640" height="400">`
      : '';
    return `<figure>${img}<figcaption>${html(caption)}</figcaption></figure>`;
  });
  if (figures.length > 0) parts.push(`<div class="shots">${figures.join('\n')}</div>`);
  for (const pass of PASSES) {
    const record = page.passes[pass];
    if (!record) continue;
    parts.push(`<details><summary>${html(t.pass[pass])}</summary>\n${passDetails(c, record)}\n</details>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function findingsSection(c: Context, report: ScanReport): string {
  const { t, config } = c;
  if (!config || report.findings.length === 0) return '';
  const groups = FINDING_KINDS.map((kind) => {
    const list = report.findings.filter((f) => f.kind === kind);
    if (list.length === 0) return '';
    const items = list.map((f) => `<li>${html(findingSentence(f, config, c.titles, t))}</li>`).join('\n');
    return `<h3 class="kind-${kind}">${html(t.kind[kind])} (${list.length})</h3>\n<ul>\n${items}\n</ul>`;
  });
  return `<section>\n<h2>${html(t.heading.findings)}</h2>\n${groups.join('\n')}\n</section>`;
}

function verdict(report: ScanReport, t: ReportTexts, lang: ReportLanguage): string {
  if (report.error)
    return `<p class="verdict stopped">${html(fill(t.report.incomplete, { message: report.error.message }))}</p>`;
  const count = report.findings.length;
  if (count === 0) return `<p class="verdict clean">${html(t.report.clean)}</p>`;
  const form = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
  return `<p class="verdict findings">${html(fill(t.report.findings[form], { count }))}</p>`;
}

/** The report as one self-contained HTML page in `lang`; `screenshots` as `scanSite` returns them. */
export function htmlReport(
  report: ScanReport,
  config: SiteConfig | null,
  screenshots: Map<string, Buffer>,
  lang: ReportLanguage,
): string {
  const t = TEXTS[lang];
  const c: Context = {
    t,
    lang,
    config,
    titles: config ? purposeTexts(config, lang) : new Map(),
    at: new Date(report.startedAt),
  };
  const title = fill(t.report.title, { site: config?.name ?? report.site ?? new URL(report.url).host });
  const scanned = fill(t.report.scanned, {
    url: report.url,
    date: dateTime(report.startedAt, lang),
    pages: report.pages.filter((p) => !p.skipped).length,
  });
  const source = report.config ? `<p>${html(fill(t.report.config, report.config))}</p>` : '';
  const style = `
body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.verdict{padding:.75rem 1rem;border-radius:.4rem;font-weight:600}
.clean{background:#e6f4ea;color:#0d4a1f}.findings{background:#fdecea;color:#7a1a12}.stopped{background:#fff4e5;color:#6a3d00}
.shots{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
figure{margin:0}img{width:100%;height:auto;border:1px solid #ccc}figcaption{font-size:.9em;color:#444}
table{border-collapse:collapse;width:100%;margin:.25rem 0 1rem;font-size:.9em}
th,td{border:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:#f4f4f4}.page{border-top:2px solid #ddd;margin-top:2rem}`;
  const body = [
    `<h1>${html(title)}</h1>`,
    `<p>${html(scanned)}</p>`,
    source,
    verdict(report, t, lang),
    findingsSection(c, report),
    ...report.pages.map((page) => pageSection(c, page, screenshots)),
    `<footer><p>${html(t.report.generatedBy)}</p></footer>`,
  ];
  return htmlDocument(lang, title, style, body.filter(Boolean).join('\n'));
}
