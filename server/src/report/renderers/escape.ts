const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML (and SVG) element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch)
}

// Markdown's inline syntax: emphasis, code, links and images, tables, strikethrough, headings'
// closing #s. Backslash escapes are part of CommonMark, so the reader sees the character itself.
const INLINE_SPECIAL = /[\\`*_[\]|~#]/g
// Tags, autolinks and entities: written as entities, so `<script>` is text in every renderer.
const MARKUP = /[&<>]/g
// GFM turns bare URLs and e-mail addresses into links; breaking the pattern keeps them text.
const AUTOLINK = /(:)(?=\/\/)|(?<=\bwww)(\.)|(@)/gi
// What opens a block at the start of a line: a list (-, +, 1. or 1)), a setext underline (=, -).
const BLOCK_START = /^([-+=])|^(\d+)([.)])/

function escapeLine(line: string): string {
  const inline = line
    .replace(INLINE_SPECIAL, (ch) => `\\${ch}`)
    .replace(MARKUP, (ch) => HTML_ENTITIES[ch] ?? ch)
    .replace(AUTOLINK, (ch) => `\\${ch}`)
  return inline.replace(BLOCK_START, (_all, mark?: string, digits?: string, dot?: string) => (mark ? `\\${mark}` : `${digits}\\${dot}`))
}

/**
 * Escapes user text for Markdown so it renders as exactly that text: no heading, list, link,
 * emphasis, table cell break or HTML. Its lines are joined with `newline`: a hard break (the
 * default, indented by the caller to stay inside a list item) or a space for headings and
 * table cells, where a line break would end the block. Blank lines are dropped for the same reason.
 */
export function escapeMarkdown(text: string, newline = '\\\n'): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(escapeLine)
    .join(newline)
}
