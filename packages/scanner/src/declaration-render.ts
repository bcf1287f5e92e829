// The cookie declaration as a privacy page wants it: a self-contained HTML page (one <section> per
// purpose, plain tables, no script, no external resource: copy the sections into the site's page)
// or Markdown for a static site generator.
import type { Declaration, DeclaredItem, DeclaredService } from './declaration';
import { html, htmlDocument, markdown } from './markup';
import { fill } from './texts';
import { dateTime } from './words';

/** The facts of a service: provider, where data goes, retention. */
function facts(d: Declaration, s: DeclaredService): Array<[string, string]> {
  const c = d.texts.column;
  const out: Array<[string, string]> = [[c.provider, s.provider]];
  if (s.transfer) out.push([c.transfer, s.transfer]);
  if (s.retention) out.push([c.retention, s.retention]);
  return out;
}

const intro = (d: Declaration) =>
  fill(d.texts.declaration.intro, { date: dateTime(d.date, d.lang), url: d.url, pages: d.pages });

/** The four columns of an item: name, kind, where (with its party), duration. */
function cells(d: Declaration, i: DeclaredItem): [string, string, string, string] {
  return [i.name, i.kind, `${i.where} (${d.texts.party[i.party]})`, i.duration ?? '—'];
}

function headers(d: Declaration): [string, string, string, string] {
  const c = d.texts.column;
  return [c.name, c.kind, c.domain, c.duration];
}

function tableHtml(d: Declaration, items: DeclaredItem[]): string {
  const head = headers(d)
    .map((h) => `<th scope="col">${html(h)}</th>`)
    .join('');
  const rows = items.map((i) => {
    const [name, ...rest] = cells(d, i);
    return `<tr><th scope="row"><code>${html(name)}</code></th>${rest.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`;
  });
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function serviceHtml(d: Declaration, s: DeclaredService): string {
  const t = d.texts;
  const line = facts(d, s)
    .map(([label, value]) => `${html(label)}${html(t.colon)}${html(value)}`)
    .join(' · ');
  const link = s.privacyUrl ? ` · <a href="${html(s.privacyUrl)}">${html(t.declaration.privacy)}</a>` : '';
  return [
    `<h3>${html(s.name)}</h3>`,
    s.description ? `<p>${html(s.description)}</p>` : '',
    `<p>${line}${link}</p>`,
    s.items.length > 0 ? tableHtml(d, s.items) : `<p>${html(t.declaration.noneSeen)}</p>`,
    s.hosts.length > 0
      ? `<p>${html(t.declaration.hosts)}${html(t.colon)}${s.hosts.map((h) => `<code>${html(h)}</code>`).join(', ')}</p>`
      : '',
    s.unseen.length > 0 ? `<p>${html(fill(t.declaration.alsoDeclared, { names: s.unseen.join(', ') }))}</p>` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The declaration as a self-contained HTML page. */
export function declarationHtml(d: Declaration): string {
  const t = d.texts.declaration;
  const title = fill(t.title, { site: d.site });
  const sections = d.purposes.map(
    (p) =>
      `<section id="purpose-${html(p.id)}">\n<h2>${html(p.title)}</h2>\n<p>${html(p.description)}</p>\n${p.services.map((s) => serviceHtml(d, s)).join('\n')}\n</section>`,
  );
  const { items, hosts } = d.undeclared;
  if (items.length > 0 || hosts.length > 0)
    sections.push(
      [
        '<section id="undeclared">',
        `<h2>${html(t.undeclared)}</h2>`,
        `<p>${html(t.undeclaredIntro)}</p>`,
        items.length > 0 ? tableHtml(d, items) : '',
        hosts.length > 0
          ? `<p>${html(t.hosts)}${html(d.texts.colon)}${hosts.map((h) => `<code>${html(h)}</code>`).join(', ')}</p>`
          : '',
        '</section>',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  const style = `
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f2f2f2}
code{font-size:.95em}`;
  return htmlDocument(
    d.lang,
    title,
    style,
    `<h1>${html(title)}</h1>\n<p>${html(intro(d))}</p>\n${sections.join('\n')}`,
  );
}

function tableMarkdown(d: Declaration, items: DeclaredItem[]): string {
  const row = (cols: string[]) => `| ${cols.map(markdown).join(' | ')} |`;
  return [row(headers(d)), `|${' --- |'.repeat(4)}`, ...items.map((i) => row(cells(d, i)))].join('\n');
}

/** The declaration in Markdown (GitHub-flavoured tables). */
export function declarationMarkdown(d: Declaration): string {
  const t = d.texts;
  const out = [`# ${markdown(fill(t.declaration.title, { site: d.site }))}`, markdown(intro(d))];
  for (const p of d.purposes) {
    out.push(`## ${markdown(p.title)}`, markdown(p.description));
    for (const s of p.services) {
      out.push(`### ${markdown(s.name)}`);
      if (s.description) out.push(markdown(s.description));
      const line = facts(d, s).map(([label, value]) => `${markdown(label)}${t.colon}${markdown(value)}`);
      if (s.privacyUrl)
        line.push(
          `[${markdown(t.declaration.privacy)}](${encodeURI(s.privacyUrl).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`,
        );
      out.push(line.join(' · '));
      out.push(s.items.length > 0 ? tableMarkdown(d, s.items) : markdown(t.declaration.noneSeen));
      if (s.hosts.length > 0)
        out.push(`${markdown(t.declaration.hosts)}${t.colon}${s.hosts.map((h) => `\`${h}\``).join(', ')}`);
      if (s.unseen.length > 0) out.push(markdown(fill(t.declaration.alsoDeclared, { names: s.unseen.join(', ') })));
    }
  }
  const { items, hosts } = d.undeclared;
  if (items.length > 0 || hosts.length > 0) {
    out.push(`## ${markdown(t.declaration.undeclared)}`, markdown(t.declaration.undeclaredIntro));
    if (items.length > 0) out.push(tableMarkdown(d, items));
    if (hosts.length > 0)
      out.push(`${markdown(t.declaration.hosts)}${t.colon}${hosts.map((h) => `\`${h}\``).join(', ')}`);
  }
  return `${out.join('\n\n')}\n`;
}
