import type { Notice, TextKey } from '@consent-ledger/protocol';

/** Reads one notice text with its `{name}` placeholders filled in (unknown placeholders stay visible). */
export type Translate = (key: TextKey, values?: Record<string, string>) => string;

/** Binds a translator to the notice on screen, so what is shown is exactly what `textHash` signs. */
export function translator(notice: Notice): Translate {
  return (key, values) => fill(notice.texts[key] ?? key, values);
}

/** Replaces `{name}` in a notice text by its value. */
export function fill(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A country's name in the notice's language (`US` -> `États-Unis`), or its code when the browser cannot name it. */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
