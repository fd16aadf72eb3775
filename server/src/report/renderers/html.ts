import type { CityCards, CityStory, KindSection, Report, ReportCard, ReportEntry, ReportSurvey } from '@harvest/shared'
import { KIND_PHASE } from '@harvest/shared'
import type { Renderer } from '../Renderer'
import { escapeHtml as esc } from './escape'
import { HTML_STYLES } from './htmlStyles'
import {
  FEW_RESPONSES_NOTE,
  NO_STORY,
  NO_STORY_NOTE,
  LIKERT_LABELS,
  agreedSentence,
  appendixMeta,
  cardMeta,
  entryMeta,
  generatedLabel,
  kindHeading,
  minutes,
  names,
  pilotLine,
  responsesSentence,
  sessionWhen,
  signedMinutes,
  storyStatusLabel,
  surveyIsSummarised,
  twinLine,
  leverHighlights,
  moreLeverCards,
} from './reportText'
import { surveyChart, timekeepingChart } from './svgCharts'

// Helpers take plain text and return markup, escaping where they interpolate, so a caller never
// escapes twice or forgets.

const phaseOf = (kind: ReportCard['kind']): string => (kind ? KIND_PHASE[kind] : 'none')
const empty = (text: string): string => `<p class="empty">${esc(text)}</p>`
const h = (depth: number, text: string): string => `<h${depth}>${esc(text)}</h${depth}>`
const summary = (text: string): string => (text.trim() ? `<p class="summary">${esc(text.trim())}</p>` : '')
const label = (text: string): string => `<p class="label">${esc(text)}</p>`

function item(className: string, text: string, meta: string): string {
  const metaLine = meta ? `<span class="meta">${esc(meta)}</span>` : ''
  return `<li class="${className}"><span class="text">${esc(text.trim())}</span>${metaLine}</li>`
}

function cardList(cards: ReportCard[], meta: (card: ReportCard) => string = cardMeta, none = 'No cards yet.'): string {
  if (cards.length === 0) return empty(none)
  return `<ul class="cards">${cards.map((c) => item(`card phase-${phaseOf(c.kind)}`, c.text, meta(c))).join('')}</ul>`
}

function entryList(entries: ReportEntry[], none = 'Nothing promoted yet.'): string {
  if (entries.length === 0) return empty(none)
  return `<ul class="entries">${entries.map((e) => item(`entry phase-${e.kind ? KIND_PHASE[e.kind] : e.section}`, e.text, entryMeta(e))).join('')}</ul>`
}

/** A W³ section's own harvest entries, those no story or kind lists, under its summary. */
const sectionEntries = (entries: ReportEntry[]): string => (entries.length > 0 ? label('Promoted to the harvest') + entryList(entries) : '')

const bullets = (lines: string[], none: string): string =>
  lines.length > 0 ? `<ul>${lines.map((line) => `<li>${esc(line)}</li>`).join('')}</ul>` : esc(none)

function cover(report: Report): string {
  const { session } = report
  const facts: [string, string][] = [
    ['Cluster', esc(session.cluster || 'None given')],
    ['Date', esc(sessionWhen(session))],
    ['Facilitators', esc(names(report.facilitators))],
    ['Harvesters', esc(names(report.harvesters))],
    ['Pilot cities', bullets(report.pilotCities.map(pilotLine), 'None named')],
    ['Twin cities', bullets(report.twinCities.map(twinLine), 'None named')],
    ['Common themes', `<span class="text">${esc(report.commonThemes.trim() || 'Not written yet')}</span>`],
  ]
  return `<header class="cover">
<p class="eyebrow">Harvest Report · Collective Sensemaking</p>
${h(1, session.title || 'Harvest Report')}
<table class="facts"><tbody>${facts.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>
<p class="generated">Report generated ${esc(generatedLabel(report.generatedAt))}.</p>
</header>`
}

function story(s: CityStory): string {
  const told = s.status !== NO_STORY
  const about = [s.cityKind === 'twin' ? 'Twin city' : s.cityKind === 'pilot' ? 'Pilot city' : '', s.project ? `Project: ${s.project}` : '']
  if (told) about.push(`Storyteller: ${s.storyteller || 'not named'}`)
  if (told && s.status !== 'done') about.push(storyStatusLabel(s.status))
  const title = told ? `<p><strong>Story:</strong> ${s.title.trim() ? esc(s.title) : '<em>No title given</em>'}</p>` : empty(NO_STORY_NOTE)
  const prepared = s.prepared.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.text.trim())}</dd>`).join('')
  const notes = prepared ? `<dl class="prepared">${prepared}</dl>` : empty('No notes prepared.')
  return `<article class="story"><div class="story-head">${h(3, s.city)}
${title}${about.some(Boolean) ? `<p class="about">${esc(about.filter(Boolean).join(' · '))}</p>` : ''}</div>
${told ? h(4, 'Prepared notes') + notes : ''}
${h(4, 'Early outcomes')}${cardList(s.outcomes)}
${h(4, 'Strategic learnings')}${cardList(s.learnings)}
${h(4, 'Other notes written during the story')}${cardList(s.notes, (c) => [c.kindLabel, cardMeta(c)].join(' · '))}
${h(4, 'Promoted to the harvest')}${entryList(s.promoted)}
</article>`
}

const byCity = (groups: CityCards[], depth: number, meta: (card: ReportCard) => string = cardMeta): string =>
  groups.map((g) => `${h(depth, g.city)}${cardList(g.cards, meta)}`).join('\n')

function kindSection(section: KindSection): string {
  const parts = [h(3, kindHeading(section.kind))]
  if (section.entries.length > 0) parts.push(label('Promoted to the harvest'), entryList(section.entries))
  if (section.byCity.length > 0) parts.push(byCity(section.byCity, 4))
  else if (section.entries.length === 0) parts.push(empty('No cards yet.'))
  return `<div class="kind phase-${KIND_PHASE[section.kind]}">${parts.join('\n')}</div>`
}

function section(id: string, className: string, title: string, body: string[]): string {
  return `<section id="${id}" class="${className}">\n${h(2, title)}\n${body.filter(Boolean).join('\n')}\n</section>`
}

function soWhat(report: Report): string {
  const patterns = report.soWhat.patterns.map((p) => {
    const about = [`Cities: ${names(p.cities)}`, p.promoted ? 'Promoted to the harvest' : ''].filter(Boolean).join(' · ')
    return `<div class="pattern">${h(4, p.name)}<p class="about">${esc(about)}</p>${cardList(p.cards, (c) => [c.city, cardMeta(c)].join(' · '))}</div>`
  })
  return section('so-what', 'phase-so_what', 'So What?', [
    summary(report.soWhat.summary),
    sectionEntries(report.soWhat.entries),
    h(3, 'Emerging patterns'),
    patterns.length > 0 ? patterns.join('\n') : empty('No patterns yet.'),
    ...report.soWhat.kinds.map(kindSection),
  ])
}

function levers(report: Report): string {
  const sections = report.levers.sections.map((s) => {
    const { shown, more } = leverHighlights(s.cards)
    return [
      h(3, s.label),
      `<p class="about">${esc(`${s.count} ${s.count === 1 ? 'mention' : 'mentions'} · Cities: ${names(s.cities)}`)}</p>`,
      s.entries.length > 0 ? label('Promoted to the harvest') + entryList(s.entries) : '',
      shown.length > 0 ? label('Cards') + cardList(shown, (c) => [c.kindLabel, c.city, cardMeta(c)].join(' · ')) : '',
      more > 0 ? empty(moreLeverCards(more)) : '',
      s.cards.length === 0 && s.entries.length === 0 ? empty('No cards yet.') : '',
    ].join('')
  })
  return section('levers', 'levers', 'Insights by lever of change', [summary(report.levers.summary), sections.join('\n') || empty('No cards name a lever yet.')])
}

const num = (text: string, className = ''): string => `<td class="num${className ? ` ${className}` : ''}">${esc(text)}</td>`

function timekeeping(report: Report): string {
  const { rows, plannedMinutes, actualMinutes } = report.timekeeping
  if (rows.length === 0) return section('timekeeping', 'timekeeping', 'Timekeeping', [empty('Nothing timed yet.')])
  const body = rows.map(
    (r) =>
      `<tr${r.kind === 'story' ? ' class="story-row"' : ''}><td>${esc(r.kind === 'story' ? `↳ ${r.title}` : r.title)}</td>${num(minutes(r.plannedMinutes))}${num(minutes(r.actualMinutes))}${num(signedMinutes(r.overMinutes), r.overMinutes > 0 ? 'over' : '')}</tr>`,
  )
  const total = actualMinutes - plannedMinutes
  return section('timekeeping', 'timekeeping', 'Timekeeping', [
    `<figure class="chart">${timekeepingChart(rows)}<figcaption>Planned and actual minutes; minutes beyond the plan are in orange.</figcaption></figure>`,
    `<table class="time"><thead><tr><th scope="col">Item</th><th scope="col" class="num">Planned (min)</th><th scope="col" class="num">Actual (min)</th><th scope="col" class="num">Difference (min)</th></tr></thead>`,
    // The total is the last row rather than a <tfoot>, which print repeats on every page.
    `<tbody>${body.join('')}<tr class="total"><td>Total</td>${num(minutes(plannedMinutes))}${num(minutes(actualMinutes))}${num(signedMinutes(total), total > 0 ? 'over' : '')}</tr></tbody></table>`,
    `<p class="about">Stories are timed within the agenda item they belong to, so the totals count agenda items only.</p>`,
  ])
}

function survey(s: ReportSurvey): string {
  const summarised = surveyIsSummarised(s)
  const head = `<tr><th scope="col">Statement</th>${LIKERT_LABELS.map((l) => `<th scope="col" class="num">${esc(l)}</th>`).join('')}<th scope="col" class="num">Answered</th></tr>`
  const rows = s.statements.map((st) => `<tr><td>${esc(st.text)}</td>${st.counts.map((c) => num(String(c))).join('')}${num(String(st.answered))}</tr>`)
  const sentences = s.statements.map((st) => `<li>${esc(st.text)}: <strong>${esc(agreedSentence(st))}</strong></li>`)
  const questions = s.questions.map((q) => {
    const count = `${q.answers.length} ${q.answers.length === 1 ? 'answer' : 'answers'}.`
    const answers = q.answers.map((a) => `<li>${esc(a.text.trim())}${a.cityKind ? `<span class="tag">${esc(`${a.cityKind} city`)}</span>` : ''}</li>`)
    return h(4, q.text) + (!summarised ? `<p class="about">${esc(count)}</p>` : answers.length > 0 ? `<ul class="answers">${answers.join('')}</ul>` : empty('No answers.'))
  })
  return section('survey', 'survey', 'Feedback survey', [
    `<p>${esc(responsesSentence(s))}.</p>`,
    summarised ? '' : empty(FEW_RESPONSES_NOTE),
    h(3, 'Agreement statements'),
    summarised && sentences.length > 0 ? `<ul class="statements">${sentences.join('')}</ul>` : '',
    summarised && s.statements.length > 0 ? `<figure class="chart">${surveyChart(s.statements)}</figure>` : '',
    rows.length > 0 ? `<table class="likert"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>` : empty('No agreement statements.'),
    h(3, 'Open questions'),
    questions.join('\n') || empty('No open questions.'),
  ])
}

function appendix(report: Report): string {
  const areas = report.appendix.map(
    (a) => `${h(3, a.label)}${a.round ? `<p class="about">Round: ${esc(a.round)}</p>` : ''}${cardList(a.cards, appendixMeta)}`,
  )
  return section('appendix', 'appendix', 'Appendix: every card', [areas.join('\n') || empty('No cards yet.')])
}

/** The sections in reading order, each with its anchor, for the contents list. */
function sections(report: Report): { id: string; title: string; html: string }[] {
  const stories = report.what.stories.map(story).join('\n')
  return [
    { id: 'key-insights', title: 'Key insights', html: section('key-insights', 'key', 'Key insights', [entryList(report.keyInsights, 'No key insights yet.')]) },
    { id: 'what', title: 'What? — per city', html: section('what', 'phase-what', 'What? — per city', [summary(report.what.summary), sectionEntries(report.what.entries), stories || empty('No stories yet.')]) },
    { id: 'so-what', title: 'So What?', html: soWhat(report) },
    { id: 'now-what', title: 'Now What?', html: section('now-what', 'phase-now_what', 'Now What?', [summary(report.nowWhat.summary), sectionEntries(report.nowWhat.entries), ...report.nowWhat.kinds.map(kindSection)]) },
    ...(report.unsorted.length > 0
      ? [{ id: 'unsorted', title: 'Not yet sorted', html: section('unsorted', 'phase-none', 'Not yet sorted', [byCity(report.unsorted, 3, (c) => [c.areaLabel, cardMeta(c)].join(' · '))]) }]
      : []),
    { id: 'levers', title: 'Insights by lever of change', html: levers(report) },
    { id: 'timekeeping', title: 'Timekeeping', html: timekeeping(report) },
    ...(report.survey ? [{ id: 'survey', title: 'Feedback survey', html: survey(report.survey) }] : []),
    { id: 'appendix', title: 'Appendix: every card', html: appendix(report) },
  ]
}

/** Renders the report as one self-contained HTML5 page that reads on screen and prints cleanly to A4. */
export const renderHtml: Renderer = async (report) => {
  const parts = sections(report)
  const toc = `<nav class="toc" aria-label="Contents"><p>Contents</p><ol>${parts.map((p) => `<li><a href="#${p.id}">${esc(p.title)}</a></li>`).join('')}</ol></nav>`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${report.session.title || 'Session'} – Harvest Report`)}</title>
<style>${HTML_STYLES}</style>
</head>
<body>
<div class="page">
${cover(report)}
${toc}
<main>
${parts.map((p) => p.html).join('\n')}
</main>
</div>
</body>
</html>
`
}
