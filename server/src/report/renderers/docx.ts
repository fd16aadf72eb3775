import { Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx'
import type { FileChild } from 'docx'
import type { CityCards, CityStory, KindSection, Report, ReportCard, ReportEntry, ReportSurvey } from '@harvest/shared'
import type { Renderer } from '../Renderer'
import { surveyChart, timekeepingChart } from './docxCharts'
import { DOCX_STYLES, PAGE, bullet, cardList, entryList, factTable, heading, labelled, lead, lines, note, para, table, title } from './docxParts'
import type { Cell } from './docxParts'
import {
  FEW_RESPONSES_NOTE,
  LIKERT_LABELS,
  agreedSentence,
  appendixMeta,
  cardMeta,
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

/** Renders the report as a Word document, in the order of the D4.5 report's section 3, as Markdown and HTML do. */
export const renderDocx: Renderer = async (report) => {
  const { session } = report
  const doc = new Document({
    title: session.title || 'Harvest Report',
    subject: 'Harvest Report',
    creator: 'Harvest',
    lastModifiedBy: 'Harvest',
    description: `Harvest Report of ${session.title || 'a sensemaking session'}, ${sessionWhen(session)}`,
    styles: DOCX_STYLES,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: { default: footer(report) },
        children: [
          ...header(report),
          heading('Key insights', 1),
          ...entryList(report.keyInsights, 'No key insights yet.'),
          ...what(report),
          ...soWhat(report),
          heading('Now What?', 1),
          ...summary(report.nowWhat.summary),
          ...harvested(report.nowWhat.entries),
          ...report.nowWhat.kinds.flatMap(kindSection),
          ...(report.unsorted.length > 0
            ? [heading('Not yet sorted', 1), ...byCity(report.unsorted, 2, (card) => [card.areaLabel, cardMeta(card)].join(' · '))]
            : []),
          ...levers(report),
          ...timekeeping(report),
          ...(report.survey ? survey(report.survey) : []),
          ...appendix(report),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

function footer(report: Report): Footer {
  const small = { size: 18, color: '595959' }
  const text = new TextRun({ ...small, text: ['Harvest Report', report.session.title, 'page '].filter(Boolean).join(' · ') })
  return new Footer({ children: [new Paragraph({ children: [text, new TextRun({ ...small, children: [PageNumber.CURRENT] })] })] })
}

function header(report: Report): FileChild[] {
  const { session } = report
  const items = (list: string[]): Cell => (list.length > 0 ? list.map((text) => bullet(lines(text))) : [note('None named')])
  return [
    title(session.title || 'Harvest Report'),
    factTable([
      ['Cluster', session.cluster || 'None given'],
      ['Date', sessionWhen(session)],
      ['Facilitators', names(report.facilitators)],
      ['Harvesters', names(report.harvesters)],
      ['Pilot cities', items(report.pilotCities.map(pilotLine))],
      ['Twin cities', items(report.twinCities.map(twinLine))],
      ['Common themes', report.commonThemes.trim() ? report.commonThemes : [note('Not written yet')]],
    ]),
    note(`Report generated ${generatedLabel(report.generatedAt)}.`, 120),
  ]
}

function summary(text: string): Paragraph[] {
  return text.trim() === '' ? [] : [para(text)]
}

/** Entries of a section that no story or kind lists (written insights, patterns of unsorted cards). */
function harvested(entries: ReportEntry[]): Paragraph[] {
  return entries.length === 0 ? [] : [lead('From the harvest'), ...entryList(entries)]
}

function what(report: Report): FileChild[] {
  const stories = report.what.stories.flatMap(story)
  return [heading('What? — per city', 1), ...summary(report.what.summary), ...harvested(report.what.entries), ...(stories.length > 0 ? stories : [note('No stories yet.')])]
}

function story(s: CityStory): FileChild[] {
  const about = [s.cityKind === 'twin' ? 'Twin city' : s.cityKind === 'pilot' ? 'Pilot city' : '', s.project ? `Project: ${s.project}` : '']
  about.push(`Storyteller: ${s.storyteller || 'not named'}`)
  if (s.status !== 'done') about.push(storyStatusLabel(s.status))
  return [
    heading(s.city, 2),
    s.title.trim() ? labelled('Story', s.title) : para([new TextRun({ text: 'Story: ', bold: true }), new TextRun({ text: 'No title given', italics: true })]),
    note(about.filter((part) => part !== '').join(' · ')),
    heading('Prepared notes', 3),
    ...(s.prepared.length > 0 ? s.prepared.map((field) => bullet([new TextRun({ text: `${field.label}: `, bold: true }), ...lines(field.text)])) : [note('No notes prepared.')]),
    heading('Early outcomes', 3),
    ...cardList(s.outcomes),
    heading('Strategic learnings', 3),
    ...cardList(s.learnings),
    heading('Other notes written during the story', 3),
    ...cardList(s.notes, (card) => [card.kindLabel, cardMeta(card)].join(' · ')),
    heading('Promoted to the harvest', 3),
    ...entryList(s.promoted),
  ]
}

function byCity(groups: CityCards[], depth: 2 | 3, describe = cardMeta): FileChild[] {
  return groups.flatMap((group) => [heading(group.city || 'No city', depth), ...cardList(group.cards, describe)])
}

function kindSection(section: KindSection): FileChild[] {
  const blocks: FileChild[] = [heading(kindHeading(section.kind), 2)]
  if (section.entries.length > 0) blocks.push(lead('Promoted to the harvest'), ...entryList(section.entries))
  if (section.byCity.length > 0) blocks.push(...byCity(section.byCity, 3))
  else if (section.entries.length === 0) blocks.push(note('No cards yet.'))
  return blocks
}

function soWhat(report: Report): FileChild[] {
  const patterns = report.soWhat.patterns.flatMap((pattern) => [
    heading(pattern.name, 3),
    note([`Cities: ${names(pattern.cities)}`, pattern.promoted ? 'Promoted to the harvest' : ''].filter(Boolean).join(' · ')),
    ...cardList(pattern.cards, (card) => [card.city, cardMeta(card)].join(' · ')),
  ])
  return [
    heading('So What?', 1),
    ...summary(report.soWhat.summary),
    ...harvested(report.soWhat.entries),
    heading('Emerging patterns', 2),
    ...(patterns.length > 0 ? patterns : [note('No patterns yet.')]),
    ...report.soWhat.kinds.flatMap(kindSection),
  ]
}

const kindAndCity = (card: ReportCard): string => [card.kindLabel, card.city, cardMeta(card)].join(' · ')

function leverCards(cards: ReportCard[]): Paragraph[] {
  const { shown, more } = leverHighlights(cards)
  if (shown.length === 0) return []
  return [lead('Cards'), ...cardList(shown, kindAndCity), ...(more > 0 ? [note(moreLeverCards(more))] : [])]
}

function levers(report: Report): FileChild[] {
  const sections = report.levers.sections.flatMap((section) => [
    heading(section.label, 2),
    note(`${section.count} ${section.count === 1 ? 'mention' : 'mentions'} · Cities: ${names(section.cities)}`),
    ...(section.entries.length > 0 ? [lead('Promoted to the harvest'), ...entryList(section.entries)] : []),
    ...leverCards(section.cards),
    ...(section.cards.length === 0 && section.entries.length === 0 ? [note('No cards yet.')] : []),
  ])
  return [
    heading('Insights by lever of change', 1),
    ...summary(report.levers.summary),
    ...(sections.length > 0 ? sections : [note('No cards name a lever yet.')]),
  ]
}

function timekeeping(report: Report): FileChild[] {
  const { rows, plannedMinutes, actualMinutes } = report.timekeeping
  if (rows.length === 0) return [heading('Timekeeping', 1), note('Nothing timed yet.')]
  // A story is timed inside its agenda item, so it sits indented under it, as in the agenda.
  const item = (r: (typeof rows)[number]): Cell => (r.kind === 'story' ? [new Paragraph({ indent: { left: 360 }, children: lines(r.title) })] : r.title)
  return [
    heading('Timekeeping', 1),
    table({
      header: ['Item', 'Planned\n(min)', 'Actual\n(min)', 'Difference\n(min)'],
      widths: [0.46, 0.18, 0.18, 0.18],
      numeric: [false, true, true, true],
      rows: rows.map((r) => [item(r), minutes(r.plannedMinutes), minutes(r.actualMinutes), signedMinutes(r.overMinutes)]),
      footer: ['Total', minutes(plannedMinutes), minutes(actualMinutes), signedMinutes(actualMinutes - plannedMinutes)],
    }),
    note('Stories are timed within the agenda item they belong to, so the totals count agenda items only.', 60),
    timekeepingChart(rows),
  ]
}

function survey(s: ReportSurvey): FileChild[] {
  const summarised = surveyIsSummarised(s)
  const statements: FileChild[] = []
  if (s.statements.length === 0) statements.push(note('No agreement statements.'))
  else {
    if (summarised) statements.push(...s.statements.map((st) => bullet([...lines(`${st.text}: `), new TextRun({ text: agreedSentence(st), bold: true })])))
    statements.push(
      table({
        header: ['Statement', ...LIKERT_LABELS.map((label) => label.replace(' ', '\n')), 'Answered'],
        widths: [0.21, ...LIKERT_LABELS.map(() => 0.13), 0.14],
        small: true,
        numeric: [false, true, true, true, true, true, true],
        rows: s.statements.map((st) => [st.text, ...st.counts.map(String), String(st.answered)]),
      }),
    )
    if (summarised) statements.push(surveyChart(s.statements))
  }
  const questions = s.questions.flatMap((q) => {
    const answers = q.answers.map((a) => bullet([...lines(a.text), ...(a.cityKind ? [new TextRun({ text: ` — ${a.cityKind} city`, color: '595959' })] : [])]))
    const count = `${q.answers.length} ${q.answers.length === 1 ? 'answer' : 'answers'}.`
    return [heading(q.text, 3), ...(summarised ? (answers.length > 0 ? answers : [note('No answers.')]) : [note(count)])]
  })
  return [
    heading('Feedback survey', 1),
    para(`${responsesSentence(s)}.`),
    ...(summarised ? [] : [note(FEW_RESPONSES_NOTE)]),
    heading('Agreement statements', 2),
    ...statements,
    heading('Open questions', 2),
    ...(questions.length > 0 ? questions : [note('No open questions.')]),
  ]
}

function appendix(report: Report): FileChild[] {
  const areas = report.appendix.flatMap((area) => [
    heading(area.label, 2),
    ...(area.round ? [note(`Round: ${area.round}`)] : []),
    ...cardList(area.cards, appendixMeta),
  ])
  return [heading('Appendix: every card', 1), ...(areas.length > 0 ? areas : [note('No cards yet.')])]
}
