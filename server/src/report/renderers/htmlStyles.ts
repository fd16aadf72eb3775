/**
 * The HTML report's only stylesheet, inlined into the page. System fonts only, so the file needs
 * nothing from outside. Print rules follow what Chromium honours when it makes the PDF: page
 * margin boxes for the page numbers, and `break-inside: avoid` only works on block boxes, so
 * nothing that holds a card is laid out as a grid or inline-block.
 */
export const HTML_STYLES = `
:root {
  --ink: #1d2433; --muted: #5b6573; --line: #d9dee5; --soft: #f4f6f8;
  --what: #1b7f5f; --so-what: #b45309; --now-what: #4f46b5; --none: #6b7280;
  --key: #a16207; --key-soft: #fff7e0; --overtime: #c2410c;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif;
}
.page { max-width: 48rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
p { margin: .5rem 0; }
h1, h2, h3, h4 { line-height: 1.25; overflow-wrap: anywhere; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 2rem; margin: .35rem 0 1.25rem; }
h2 { font-size: 1.5rem; margin: 2.75rem 0 .75rem; padding-bottom: .3rem; border-bottom: 3px solid var(--accent); }
h3 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; color: var(--accent-ink); }
h4 { font-size: 1rem; margin: 1.25rem 0 .35rem; color: var(--muted); }
section { --accent: var(--line); --accent-ink: var(--ink); }
.phase-what { --accent: var(--what); --accent-ink: var(--what); }
.phase-so_what { --accent: var(--so-what); --accent-ink: var(--so-what); }
.phase-now_what { --accent: var(--now-what); --accent-ink: var(--now-what); }
.phase-none { --accent: var(--none); --accent-ink: var(--ink); }
.key { --accent: var(--key); --accent-ink: var(--key); }

.cover { margin-bottom: 2rem; }
.cover::before {
  content: ""; display: block; height: 8px; margin-bottom: 1.25rem; border-radius: 4px;
  background: linear-gradient(90deg, var(--what) 0 33.3%, var(--so-what) 33.3% 66.6%, var(--now-what) 66.6%);
}
.eyebrow { margin: 0; font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
.generated { font-size: .85rem; color: var(--muted); }
.facts th { width: 9.5rem; color: var(--muted); font-weight: 600; }
.facts ul { margin: 0; padding-left: 1.1rem; }

.toc { margin: 1.5rem 0; padding: .75rem 1rem; background: var(--soft); border-radius: 6px; font-size: .92rem; }
.toc p { margin: 0 0 .25rem; font-weight: 600; }
.toc ol { margin: 0; padding-left: 1.25rem; }
.toc a { color: inherit; }

.summary { font-size: 1.05rem; }
.label { margin: 1rem 0 .25rem; font-weight: 600; font-size: .9rem; color: var(--muted); break-after: avoid; page-break-after: avoid; }
.story-head { break-inside: avoid; page-break-inside: avoid; }
.empty { color: var(--muted); font-style: italic; }
.about { color: var(--muted); font-size: .92rem; }

ul.cards, ul.entries { list-style: none; margin: .4rem 0 1rem; padding: 0; }
li.card, li.entry {
  display: block; margin: .4rem 0; padding: .45rem .75rem; background: var(--soft);
  border-left: 4px solid var(--accent); border-radius: 0 4px 4px 0;
  break-inside: avoid; page-break-inside: avoid;
}
li.entry { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--accent); }
.key li.entry { background: var(--key-soft); border-color: #f1d99a; border-left-color: var(--key); }
.text { display: block; white-space: pre-line; overflow-wrap: anywhere; }
li.entry .text { font-weight: 600; }
.meta { display: block; margin-top: .15rem; font-size: .85rem; color: var(--muted); overflow-wrap: anywhere; }
.pattern { margin: .75rem 0 1.25rem; padding: .25rem .9rem .5rem; border: 1px solid var(--line); border-radius: 6px; break-inside: avoid; page-break-inside: avoid; }
.pattern h4 { color: var(--accent-ink); }
.prepared dt { font-weight: 600; break-after: avoid; page-break-after: avoid; }
.prepared dd { margin: 0 0 .5rem; white-space: pre-line; overflow-wrap: anywhere; }
.prepared dt, .prepared dd, .answers li, .statements li { break-inside: avoid; page-break-inside: avoid; }
.answers li { margin: .25rem 0; white-space: pre-line; overflow-wrap: anywhere; }
.tag {
  margin-left: .35rem; padding: 0 .45rem; font-size: .75rem; white-space: nowrap; color: var(--muted);
  border: 1px solid var(--line); border-radius: 999px;
}

table { width: 100%; margin: .75rem 0 1rem; border-collapse: collapse; font-size: .92rem; }
th, td { padding: .35rem .5rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
thead th { border-bottom: 2px solid var(--ink); }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
thead th.num { white-space: normal; overflow-wrap: normal; }
.likert th.num, .likert td.num { width: 10%; padding: .35rem .2rem; white-space: normal; text-align: center; }
.likert th.num { font-size: .75rem; overflow-wrap: normal; }
.story-row td:first-child { padding-left: 1.5rem; color: var(--muted); }
.over { color: var(--overtime); font-weight: 600; }
tr.total td { font-weight: 700; border-top: 2px solid var(--ink); border-bottom: 0; }
.time td:first-child { width: 55%; }

figure.chart { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; max-width: 100%; height: auto; }
figcaption { margin-top: .35rem; font-size: .85rem; color: var(--muted); }

@page {
  size: A4;
  margin: 18mm 16mm 20mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt system-ui, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: #5b6573; }
}
@media print {
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  .toc { display: none; }
  h2 { margin-top: 1.75rem; }
  ul.cards, ul.entries, li.card, li.entry, .pattern { display: block; }
  p, li { orphans: 3; widows: 3; }
}
`
