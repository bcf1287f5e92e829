// Text into HTML and Markdown, so a cookie name or a page title can never become markup, and the
// shell of the HTML files the scanner writes: no script, no external resource, styles inline.

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

/** A complete HTML page in `lang` (title, style and body given; body already escaped). */
export function htmlDocument(lang: string, title: string, style: string, body: string): string {
  return `<!doctype html>
<html lang="${html(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>
${style.trim()}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
