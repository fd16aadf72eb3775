import type { ProgrammeEntry, ProgrammeReport } from '@harvest/shared'
import { escapeMarkdown } from '../renderers/escape'
import { LIKERT_LABELS, agreedSentence, generatedLabel, surveyIsSummarised, FEW_RESPONSES_NOTE } from '../renderers/reportText'
import { CLUSTER_PARTS, PROGRAMME_ABOUT, leverLine, programmeEntryMeta, programmeResponses, programmeTitle, scopeLine } from './programmeText'

const inItem = (text: string) => escapeMarkdown(text, '\\\n  ')
const oneLine = (text: string) => escapeMarkdown(text, ' ')
const note = (text: string) => `*${oneLine(text)}*`

/** The programme's synthesis as CommonMark, user text escaped. */
export async function renderProgrammeMarkdown(report: ProgrammeReport): Promise<string> {
  const entries = (list: ProgrammeEntry[], empty: string) =>
    list.length > 0 ? list.map((e) => `- ${inItem(e.text)} — *${oneLine(programmeEntryMeta(report, e))}*`).join('\n') : note(empty)
  const blocks: string[] = [`# ${oneLine(programmeTitle(report))}`, `**${oneLine(scopeLine(report))}**`, note(`${PROGRAMME_ABOUT} Generated ${generatedLabel(report.generatedAt)}.`)]
  blocks.push('## Sessions', report.sessions.map((s) => `- ${oneLine(`${s.title} — ${s.cluster || 'No cluster given'}, ${s.round || 'no round'}, ${s.date}`)}`).join('\n') || note('No sessions.'))
  for (const c of report.clusters) {
    blocks.push(`## ${oneLine(c.cluster)}`, '### Key insights', entries(c.keyInsights, 'No key insights.'))
    for (const part of CLUSTER_PARTS) {
      blocks.push(`### ${part.title}`, ...c.summaries[part.summary].map((s) => escapeMarkdown(s)), entries(c[part.key], 'Nothing promoted.'))
    }
  }
  blocks.push('## Insights across clusters by lever of change')
  if (report.levers.length === 0) blocks.push(note('No lever came up.'))
  for (const l of report.levers) blocks.push(`### ${oneLine(l.label)}`, note(leverLine(l)), entries(l.entries, 'No harvest entry names this lever.'))
  blocks.push('## Feedback survey across sessions')
  const s = report.survey
  if (!s) blocks.push(note('No session ran a survey.'))
  else {
    blocks.push(oneLine(`${programmeResponses(s)}.`))
    if (!surveyIsSummarised(s)) blocks.push(note(FEW_RESPONSES_NOTE))
    const head = `| Statement | ${LIKERT_LABELS.join(' | ')} | Answered | Agreed |\n|---|${LIKERT_LABELS.map(() => '---:').join('|')}|---:|---|`
    const rows = s.statements.map((st) => `| ${oneLine(st.text)} | ${st.counts.join(' | ')} | ${st.answered} | ${surveyIsSummarised(s) ? oneLine(agreedSentence(st)) : ''} |`)
    blocks.push(rows.length > 0 ? `${head}\n${rows.join('\n')}` : note('No agreement statements.'))
    for (const q of s.questions) {
      blocks.push(`### ${oneLine(q.text)}`)
      blocks.push(surveyIsSummarised(s) && q.answers.length > 0 ? q.answers.map((a) => `- ${inItem(a.text)}${a.cityKind ? ` — *${a.cityKind} city*` : ''}`).join('\n') : note(`${q.answers.length} answers.`))
    }
  }
  return `${blocks.join('\n\n')}\n`
}
