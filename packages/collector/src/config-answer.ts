// The config answer of one site in one language (`GET /v1/sites/:site/config`, and what the
// per-site script embeds): built once per site view and language, with its strong ETag.
import { type ConfigAnswer, configDocument, negotiateLanguage, sha256b64u } from '@consent-ledger/protocol';
import type { CollectorContext } from './context';

/** A serialised config answer and its entity tag (quoted). */
export interface BuiltConfigAnswer {
  body: string;
  etag: string;
}

/** Language tags of an Accept-Language header, most preferred first (q=0 dropped). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((l) => l.tag !== '' && l.tag !== '*' && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((l) => l.tag);
}

/** The answer for a live site, in the language negotiated from `lang` then Accept-Language; null for an unknown site. */
export async function configAnswer(
  ctx: CollectorContext,
  site: string,
  lang: string | undefined,
  acceptLanguage: string | undefined,
): Promise<BuiltConfigAnswer | null> {
  const view = await ctx.sites.site(site);
  if (!view) return null;
  const language = negotiateLanguage(view.config, [...(lang ? [lang] : []), ...acceptedLanguages(acceptLanguage)]);
  let answer = view.answers.get(language);
  if (!answer) {
    const body = JSON.stringify(configDocument(view.config, language) satisfies ConfigAnswer);
    answer = { body, etag: `"${sha256b64u(body)}"` };
    view.answers.set(language, answer);
  }
  return answer;
}
