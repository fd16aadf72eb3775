import type { LearningPack, ReportCard, ReportEntry } from '@harvest/shared'
import { KIND_PHASE } from '@harvest/shared'
import { escapeHtml as esc } from '../renderers/escape'
import { HTML_STYLES } from '../renderers/htmlStyles'
import { entryMeta, generatedLabel, names } from '../renderers/reportText'
import { OFFERS_RULE, PACK_PURPOSE, PACK_SECTIONS, cityLine, packAbout, packCardMeta, packTitle } from './packText'

// As in the report's HTML: helpers take plain text and escape where they interpolate.
const empty = (text: string) => `<p class="empty">${esc(text)}</p>`
const label = (text: string) => `<p class="label">${esc(text)}</p>`
const item = (className: string, text: string, meta: string) =>
  `<li class="${className}"><span class="text">${esc(text.trim())}</span>${meta ? `<span class="meta">${esc(meta)}</span>` : ''}</li>`
const phase = (kind: ReportCard['kind']) => (kind ? KIND_PHASE[kind] : 'none')

const cards = (list: ReportCard[], none: string) =>
  list.length > 0 ? `<ul class="cards">${list.map((c) => item(`card phase-${phase(c.kind)}`, c.text, packCardMeta(c))).join('')}</ul>` : empty(none)
const entries = (list: ReportEntry[], none: string) =>
  list.length > 0 ? `<ul class="entries">${list.map((e) => item(`entry phase-${e.kind ? KIND_PHASE[e.kind] : e.section}`, e.text, entryMeta(e))).join('')}</ul>` : empty(none)
const section = (className: string, title: string, body: string[]) => `<section class="${className}">\n<h2>${esc(title)}</h2>\n${body.join('\n')}\n</section>`

function story(pack: LearningPack): string[] {
  const s = pack.story
  if (!s) return [empty(PACK_SECTIONS.story.empty)]
  const fields = s.prepared.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.text.trim())}</dd>`).join('')
  return [
    `<p><strong>Story:</strong> ${s.title.trim() ? esc(s.title) : '<em>No title given</em>'}</p>`,
    `<p class="about">${esc(`Storyteller: ${s.storyteller || 'not named'}`)}</p>`,
    fields ? `<dl class="prepared">${fields}</dl>` : empty('No notes prepared.'),
  ]
}

/** One city's learning pack as a self-contained page that prints to A4 like the Harvest Report. */
export async function renderPackHtml(pack: LearningPack): Promise<string> {
  const S = PACK_SECTIONS
  const patterns = pack.patterns.map(
    (p) => `<div class="pattern"><h4>${esc(p.name)}</h4><p class="about">${esc(`Cities: ${names(p.cities)}`)}</p>${cards(p.cards, 'No cards.')}</div>`,
  )
  const offers = [
    `<p class="about">${esc(OFFERS_RULE)}</p>`,
    pack.offers.entries.length > 0 ? label('From the harvest') + entries(pack.offers.entries, '') : '',
    pack.offers.cards.length > 0 ? label('Cards') + cards(pack.offers.cards, '') : '',
    pack.offers.entries.length + pack.offers.cards.length === 0 ? empty(S.offers.empty) : '',
  ]
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${packTitle(pack)} – ${pack.session.title || 'Session'}`)}</title>
<style>${HTML_STYLES}</style>
</head>
<body>
<div class="page">
<header class="cover">
<p class="eyebrow">Learning pack · Collective Sensemaking</p>
<h1>${esc(packTitle(pack))}</h1>
<p><strong>${esc(cityLine(pack))}</strong></p>
<p class="about">${esc(packAbout(pack))}</p>
<p class="generated">${esc(`${PACK_PURPOSE} Generated ${generatedLabel(pack.generatedAt)}.`)}</p>
</header>
<main>
${section('phase-what', S.story.title, story(pack))}
${section('phase-what', S.duringStory.title, [cards(pack.duringStory, S.duringStory.empty)])}
${section('phase-so_what', S.patterns.title, [patterns.join('\n') || empty(S.patterns.empty)])}
${section('key', S.keyInsights.title, [entries(pack.keyInsights, S.keyInsights.empty)])}
${section('phase-now_what', S.offers.title, offers.filter(Boolean))}
${section('phase-none', S.questions.title, [cards(pack.questions, S.questions.empty)])}
</main>
</div>
</body>
</html>
`
}
