// Text into HTML and Markdown, so a cookie name or a page title can never become markup.

/** Escapes text for HTML element content and double-quoted attribute values. */
export function html(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escapes text for a Markdown table cell or paragraph: emphasis, code, links, HTML, pipes, line breaks. */
export function markdown(text: string | number): string {
  return String(text)
    .replace(/[\\`*_[\]<>|]/g, '\\$&')
    .replace(/\r?\n/g, ' ');
}
