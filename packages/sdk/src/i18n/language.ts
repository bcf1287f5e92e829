// Which language the visitor reads. The page states its own language more reliably than the
// browser does, and the script tag can override both; the collector then keeps the first of these
// that the site offers (its first language when none is offered).

/** The visitor's preferred languages, most preferred first: the tag's `data-lang`, then `<html lang>`, then the browser's. */
export function preferredLanguages(
  dataLang?: string | null,
  doc: Document = document,
  nav: Navigator = navigator,
): string[] {
  const tags = [dataLang, doc.documentElement.lang, ...(nav.languages ?? [nav.language])];
  const seen = new Set<string>();
  for (const tag of tags) if (tag?.trim()) seen.add(tag.trim().toLowerCase());
  return [...seen];
}
