import type { ProgrammeEntry, ProgrammeReport } from '@harvest/shared'
import { KIND_PHASE } from '@harvest/shared'
import { escapeHtml as esc } from '../renderers/escape'
import { HTML_STYLES } from '../renderers/htmlStyles'
import { FEW_RESPONSES_NOTE, LIKERT_LABELS, agreedSentence, generatedLabel, surveyIsSummarised } from '../renderers/reportText'
import { surveyChart } from '../renderers/svgCharts'
import { CLUSTER_PARTS, PROGRAMME_ABOUT, leverLine, programmeEntryMeta, programmeResponses, programmeTitle, scopeLine } from './programmeText'

// Round and date are short: kept on one line so the narrow print column does not split "Round 2".
const SESSIONS_TABLE = '.sessions td:nth-child(n+3), .sessions th:nth-child(n+3) { white-space: nowrap; width: 1%; }'
const empty = (text: string) => `<p class="empty">${esc(text)}</p>`
const section = (className: string, title: string, body: string[]) => `<section class="${className}">\n<h2>${esc(title)}</h2>\n${body.join('\n')}\n</section>`
const num = (text: string) => `<td class="num">${esc(text)}</td>`

function survey(report: ProgrammeReport): string {
  const s = report.survey
  if (!s) return section('survey', 'Feedback survey across sessions', [empty('No session ran a survey.')])
  const summarised = surveyIsSummarised(s)
  const head = `<tr><th scope="col">Statement</th>${LIKERT_LABELS.map((l) => `<th scope="col" class="num">${esc(l)}</th>`).join('')}<th scope="col" class="num">Answered</th></tr>`
  const rows = s.statements.map((st) => `<tr><td>${esc(st.text)}</td>${st.counts.map((c) => num(String(c))).join('')}${num(String(st.answered))}</tr>`)
  const questions = s.questions.map((q) => {
    const answers = q.answers.map((a) => `<li>${esc(a.text.trim())}${a.cityKind ? `<span class="tag">${esc(`${a.cityKind} city`)}</span>` : ''}</li>`)
    return `<h3>${esc(q.text)}</h3>${summarised && answers.length > 0 ? `<ul class="answers">${answers.join('')}</ul>` : `<p class="about">${esc(`${q.answers.length} answers.`)}</p>`}`
  })
  return section('survey', 'Feedback survey across sessions', [
    `<p>${esc(`${programmeResponses(s)}.`)}</p>`,
    summarised ? `<ul class="statements">${s.statements.map((st) => `<li>${esc(st.text)}: <strong>${esc(agreedSentence(st))}</strong></li>`).join('')}</ul>` : empty(FEW_RESPONSES_NOTE),
    summarised && s.statements.length > 0 ? `<figure class="chart">${surveyChart(s.statements)}</figure>` : '',
    rows.length > 0 ? `<table class="likert"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>` : empty('No agreement statements.'),
    questions.join('\n'),
  ])
}

/** The programme's synthesis as one self-contained page that prints to A4 like the Harvest Report. */
export async function renderProgrammeHtml(report: ProgrammeReport): Promise<string> {
  const entries = (list: ProgrammeEntry[], none: string) =>
    list.length > 0
      ? `<ul class="entries">${list.map((e) => `<li class="entry phase-${e.kind ? KIND_PHASE[e.kind] : e.section}"><span class="text">${esc(e.text.trim())}</span><span class="meta">${esc(programmeEntryMeta(report, e))}</span></li>`).join('')}</ul>`
      : empty(none)
  const sessions = report.sessions.map((s) => `<tr><td>${esc(s.title)}</td><td>${esc(s.cluster || 'No cluster given')}</td><td>${esc(s.round)}</td><td class="num">${esc(s.date)}</td></tr>`)
  const clusters = report.clusters.map((c) =>
    section('cluster', c.cluster, [
      `<div class="key"><h3>Key insights</h3>${entries(c.keyInsights, 'No key insights.')}</div>`,
      ...CLUSTER_PARTS.map(
        (part) =>
          `<div class="phase-${part.key === 'what' ? 'what' : part.key === 'soWhat' ? 'so_what' : 'now_what'}"><h3>${esc(part.title)}</h3>${c.summaries[part.summary].map((t) => `<p class="summary">${esc(t)}</p>`).join('')}${entries(c[part.key], 'Nothing promoted.')}</div>`,
      ),
    ]),
  )
  const levers = report.levers.map((l) => `<h3>${esc(l.label)}</h3><p class="about">${esc(leverLine(l))}</p>${entries(l.entries, 'No harvest entry names this lever.')}`)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(programmeTitle(report))}</title>
<style>${HTML_STYLES}${SESSIONS_TABLE}</style>
</head>
<body>
<div class="page">
<header class="cover">
<p class="eyebrow">Programme synthesis · Collective Sensemaking</p>
<h1>${esc(programmeTitle(report))}</h1>
<p><strong>${esc(scopeLine(report))}</strong></p>
<p class="generated">${esc(`${PROGRAMME_ABOUT} Generated ${generatedLabel(report.generatedAt)}.`)}</p>
<table class="sessions"><thead><tr><th scope="col">Session</th><th scope="col">Cluster</th><th scope="col">Round</th><th scope="col" class="num">Date</th></tr></thead><tbody>${sessions.join('')}</tbody></table>
</header>
<main>
${clusters.join('\n')}
${section('levers', 'Insights across clusters by lever of change', [levers.join('\n') || empty('No lever came up.')])}
${survey(report)}
</main>
</div>
</body>
</html>
`
}
