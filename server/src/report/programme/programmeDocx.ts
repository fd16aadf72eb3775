import { Document, Packer } from 'docx'
import type { FileChild } from 'docx'
import type { ProgrammeEntry, ProgrammeReport } from '@harvest/shared'
import { DOCX_STYLES, PAGE, bullet, heading, lines, note, para, table, title } from '../renderers/docxParts'
import { surveyChart } from '../renderers/docxCharts'
import { FEW_RESPONSES_NOTE, LIKERT_LABELS, agreedSentence, generatedLabel, surveyIsSummarised } from '../renderers/reportText'
import { CLUSTER_PARTS, PROGRAMME_ABOUT, leverLine, programmeEntryMeta, programmeResponses, programmeTitle, scopeLine } from './programmeText'

function survey(report: ProgrammeReport): FileChild[] {
  const s = report.survey
  if (!s) return [heading('Feedback survey across sessions', 1), note('No session ran a survey.')]
  const summarised = surveyIsSummarised(s)
  return [
    heading('Feedback survey across sessions', 1),
    para(`${programmeResponses(s)}.`),
    ...(summarised ? s.statements.map((st) => bullet(lines(`${st.text}: ${agreedSentence(st)}`))) : [note(FEW_RESPONSES_NOTE)]),
    ...(s.statements.length > 0
      ? [
          table({
            header: ['Statement', ...LIKERT_LABELS.map((l) => l.replace(' ', '\n')), 'Answered'],
            widths: [0.21, ...LIKERT_LABELS.map(() => 0.13), 0.14],
            small: true,
            numeric: [false, true, true, true, true, true, true],
            rows: s.statements.map((st) => [st.text, ...st.counts.map(String), String(st.answered)]),
          }),
          ...(summarised ? [surveyChart(s.statements)] : []),
        ]
      : [note('No agreement statements.')]),
    ...s.questions.flatMap((q) => [
      heading(q.text, 2),
      ...(summarised && q.answers.length > 0 ? q.answers.map((a) => bullet(lines(a.cityKind ? `${a.text} — ${a.cityKind} city` : a.text))) : [note(`${q.answers.length} answers.`)]),
    ]),
  ]
}

/** The programme's synthesis as a Word document on A4. */
export async function renderProgrammeDocx(report: ProgrammeReport): Promise<Uint8Array> {
  const entries = (list: ProgrammeEntry[], none: string) =>
    list.length > 0 ? list.map((e) => bullet([...lines(e.text, { bold: true }), ...lines(` — ${programmeEntryMeta(report, e)}`, { color: '595959', size: 20 })])) : [note(none)]
  const clusters = report.clusters.flatMap((c) => [
    heading(c.cluster, 1),
    heading('Key insights', 2),
    ...entries(c.keyInsights, 'No key insights.'),
    ...CLUSTER_PARTS.flatMap((part) => [heading(part.title, 2), ...c.summaries[part.summary].map((t) => para(t)), ...entries(c[part.key], 'Nothing promoted.')]),
  ])
  const levers = report.levers.flatMap((l) => [heading(l.label, 2), note(leverLine(l)), ...entries(l.entries, 'No harvest entry names this lever.')])
  const doc = new Document({
    title: programmeTitle(report),
    subject: 'Programme synthesis',
    creator: 'Harvest',
    lastModifiedBy: 'Harvest',
    styles: DOCX_STYLES,
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        children: [
          title(programmeTitle(report)),
          para(scopeLine(report), { bold: true }),
          note(`${PROGRAMME_ABOUT} Generated ${generatedLabel(report.generatedAt)}.`),
          table({
            header: ['Session', 'Cluster', 'Round', 'Date'],
            widths: [0.4, 0.3, 0.15, 0.15],
            rows: report.sessions.map((s) => [s.title, s.cluster || 'No cluster given', s.round, s.date]),
          }),
          ...clusters,
          heading('Insights across clusters by lever of change', 1),
          ...(levers.length > 0 ? levers : [note('No lever came up.')]),
          ...survey(report),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
