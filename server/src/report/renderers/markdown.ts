import type { CityCards, CityStory, KindSection, Report, ReportCard, ReportEntry, ReportSurvey } from '@harvest/shared'
import type { Renderer } from '../Renderer'
import { escapeMarkdown } from './escape'
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

/** One block of Markdown: its lines, without the blank line that separates blocks. */
type Block = string

/** Inline text that stays inside a list item when it has several lines. */
const inItem = (text: string): string => escapeMarkdown(text, '\\\n  ')
/** Text on one line: a heading or a table cell, where a line break would end the block. */
const oneLine = (text: string): string => escapeMarkdown(text, ' ')

const heading = (depth: number, text: string): Block => `${'#'.repeat(depth)} ${oneLine(text)}`
/** A short line in italics: an empty section's note or what a heading is about. */
const note = (text: string): Block => `*${oneLine(text)}*`
const paragraph = (text: string): Block[] => (text.trim() === '' ? [] : [escapeMarkdown(text)])

function item(text: string, meta: string): string {
  return meta === '' ? `- ${inItem(text)}` : `- ${inItem(text)} — *${oneLine(meta)}*`
}

function list(lines: string[], empty: string): Block {
  return lines.length > 0 ? lines.join('\n') : note(empty)
}

const cardList = (cards: ReportCard[], meta = cardMeta, empty = 'No cards yet.'): Block =>
  list(cards.map((card) => item(card.text, meta(card))), empty)
const entryList = (entries: ReportEntry[], empty = 'Nothing promoted yet.'): Block =>
  list(entries.map((entry) => item(entry.text, entryMeta(entry))), empty)
/** A W³ section's own harvest entries, those no story or kind lists, under its summary. */
const sectionEntries = (entries: ReportEntry[]): Block[] => (entries.length > 0 ? ['**Promoted to the harvest**', entryList(entries)] : [])

function header(report: Report): Block[] {
  const { session } = report
  const pilots = report.pilotCities.map((pilot) => `  - ${oneLine(pilotLine(pilot))}`)
  const twins = report.twinCities.map((twin) => `  - ${oneLine(twinLine(twin))}`)
  const facts = [
    `- **Cluster:** ${oneLine(session.cluster || 'None given')}`,
    `- **Date:** ${oneLine(sessionWhen(session))}`,
    `- **Facilitators:** ${oneLine(names(report.facilitators))}`,
    `- **Harvesters:** ${oneLine(names(report.harvesters))}`,
    pilots.length > 0 ? `- **Pilot cities:**\n${pilots.join('\n')}` : '- **Pilot cities:** None named',
    twins.length > 0 ? `- **Twin cities:**\n${twins.join('\n')}` : '- **Twin cities:** None named',
    `- **Common themes:** ${report.commonThemes.trim() ? inItem(report.commonThemes) : 'Not written yet'}`,
  ]
  return [heading(1, session.title || 'Harvest Report'), facts.join('\n'), note(`Report generated ${generatedLabel(report.generatedAt)}.`)]
}

function story(s: CityStory): Block[] {
  const told = s.status !== NO_STORY
  const about = [s.cityKind === 'twin' ? 'Twin city' : s.cityKind === 'pilot' ? 'Pilot city' : '', s.project ? `Project: ${s.project}` : '']
  if (told) about.push(`Storyteller: ${s.storyteller || 'not named'}`)
  if (told && s.status !== 'done') about.push(storyStatusLabel(s.status))
  const prepared = s.prepared.map((field) => `- **${oneLine(field.label)}:** ${inItem(field.text)}`)
  return [
    heading(3, s.city),
    told ? `**Story:** ${s.title.trim() ? oneLine(s.title) : '*No title given*'}` : note(NO_STORY_NOTE),
    ...(about.some(Boolean) ? [note(about.filter(Boolean).join(' · '))] : []),
    ...(told ? [heading(4, 'Prepared notes'), list(prepared, 'No notes prepared.')] : []),
    heading(4, 'Early outcomes'),
    cardList(s.outcomes),
    heading(4, 'Strategic learnings'),
    cardList(s.learnings),
    heading(4, 'Other notes written during the story'),
    cardList(s.notes, (card) => [card.kindLabel, cardMeta(card)].join(' · ')),
    heading(4, 'Promoted to the harvest'),
    entryList(s.promoted),
  ]
}

function byCity(groups: CityCards[], depth: number, meta = cardMeta): Block[] {
  return groups.flatMap((group) => [heading(depth, group.city), cardList(group.cards, meta)])
}

function kindSection(section: KindSection): Block[] {
  const blocks = [heading(3, kindHeading(section.kind))]
  if (section.entries.length > 0) blocks.push('**Promoted to the harvest**', entryList(section.entries))
  if (section.byCity.length > 0) blocks.push(...byCity(section.byCity, 4))
  else if (section.entries.length === 0) blocks.push(note('No cards yet.'))
  return blocks
}

function soWhat(report: Report): Block[] {
  const patterns = report.soWhat.patterns.flatMap((pattern) => [
    heading(4, pattern.name),
    note([`Cities: ${names(pattern.cities)}`, pattern.promoted ? 'Promoted to the harvest' : ''].filter(Boolean).join(' · ')),
    cardList(pattern.cards, (card) => [card.city, cardMeta(card)].join(' · ')),
  ])
  return [
    '## So What?',
    ...paragraph(report.soWhat.summary),
    ...sectionEntries(report.soWhat.entries),
    '### Emerging patterns',
    ...(patterns.length > 0 ? patterns : [note('No patterns yet.')]),
    ...report.soWhat.kinds.flatMap(kindSection),
  ]
}

function levers(report: Report): Block[] {
  const sections = report.levers.sections.flatMap((section) => {
    const { shown, more } = leverHighlights(section.cards)
    return [
    heading(3, section.label),
    note(`${section.count} ${section.count === 1 ? 'mention' : 'mentions'} · Cities: ${names(section.cities)}`),
    ...(section.entries.length > 0 ? ['**Promoted to the harvest**', entryList(section.entries)] : []),
    // A label between the two lists, or Markdown would merge them into one.
    ...(shown.length > 0 ? ['**Cards**', cardList(shown, (card) => [card.kindLabel, card.city, cardMeta(card)].join(' · '))] : []),
    ...(more > 0 ? [note(moreLeverCards(more))] : []),
    ...(section.cards.length === 0 && section.entries.length === 0 ? [note('No cards yet.')] : []),
  ]
  })
  return [
    '## Insights by lever of change',
    ...paragraph(report.levers.summary),
    ...(sections.length > 0 ? sections : [note('No cards name a lever yet.')]),
  ]
}

const cell = (text: string): string => oneLine(text) || ' '
const row = (cells: string[]): string => `| ${cells.join(' | ')} |`

function timekeeping(report: Report): Block[] {
  const { rows, plannedMinutes, actualMinutes } = report.timekeeping
  if (rows.length === 0) return ['## Timekeeping', note('Nothing timed yet.')]
  const lines = [
    row(['Item', 'Planned (min)', 'Actual (min)', 'Difference (min)']),
    row([':---', '---:', '---:', '---:']),
    ...rows.map((r) =>
      row([cell(r.kind === 'story' ? `↳ ${r.title}` : r.title), minutes(r.plannedMinutes), minutes(r.actualMinutes), signedMinutes(r.overMinutes)]),
    ),
    row(['**Total**', `**${minutes(plannedMinutes)}**`, `**${minutes(actualMinutes)}**`, `**${signedMinutes(actualMinutes - plannedMinutes)}**`]),
  ]
  return ['## Timekeeping', lines.join('\n'), note('Stories are timed within the agenda item they belong to, so the totals count agenda items only.')]
}

function survey(s: ReportSurvey): Block[] {
  const summarised = surveyIsSummarised(s)
  const table = [
    row(['Statement', ...LIKERT_LABELS, 'Answered']),
    row([':---', ...LIKERT_LABELS.map(() => '---:'), '---:']),
    ...s.statements.map((st) => row([cell(st.text), ...st.counts.map(String), String(st.answered)])),
  ].join('\n')
  const statements = s.statements.length === 0 ? [note('No agreement statements.')] : [table]
  if (summarised && s.statements.length > 0) statements.unshift(s.statements.map((st) => `- ${inItem(st.text)}: **${agreedSentence(st)}**`).join('\n'))
  const questions = s.questions.flatMap((q) => {
    const answers = q.answers.map((a) => item(a.text, a.cityKind === 'pilot' ? 'pilot city' : a.cityKind === 'twin' ? 'twin city' : ''))
    const count = `${q.answers.length} ${q.answers.length === 1 ? 'answer' : 'answers'}.`
    return [heading(4, q.text), summarised ? list(answers, 'No answers.') : note(count)]
  })
  return [
    '## Feedback survey',
    escapeMarkdown(`${responsesSentence(s)}.`),
    ...(summarised ? [] : [note(FEW_RESPONSES_NOTE)]),
    '### Agreement statements',
    ...statements,
    '### Open questions',
    ...(questions.length > 0 ? questions : [note('No open questions.')]),
  ]
}

function appendix(report: Report): Block[] {
  const areas = report.appendix.flatMap((area) => [
    heading(3, area.label),
    ...(area.round ? [note(`Round: ${area.round}`)] : []),
    cardList(area.cards, appendixMeta),
  ])
  return ['## Appendix: every card', ...(areas.length > 0 ? areas : [note('No cards yet.')])]
}

/** Renders the report as GitHub-flavoured Markdown, in the order of the D4.5 report's section 3. */
export const renderMarkdown: Renderer = async (report) => {
  const stories = report.what.stories.flatMap(story)
  const blocks: Block[] = [
    ...header(report),
    '## Key insights',
    entryList(report.keyInsights, 'No key insights yet.'),
    '## What? — per city',
    ...paragraph(report.what.summary),
    ...sectionEntries(report.what.entries),
    ...(stories.length > 0 ? stories : [note('No stories yet.')]),
    ...soWhat(report),
    '## Now What?',
    ...paragraph(report.nowWhat.summary),
    ...sectionEntries(report.nowWhat.entries),
    ...report.nowWhat.kinds.flatMap(kindSection),
    ...(report.unsorted.length > 0 ? ['## Not yet sorted', ...byCity(report.unsorted, 3, (card) => [card.areaLabel, cardMeta(card)].join(' · '))] : []),
    ...levers(report),
    ...timekeeping(report),
    ...(report.survey ? survey(report.survey) : []),
    ...appendix(report),
  ]
  return `${blocks.join('\n\n')}\n`
}
