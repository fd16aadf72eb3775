import type { Lever, ProgrammeCluster, ProgrammeEntry, ProgrammeLever, ProgrammeReport, ProgrammeSurvey, Report, SurveyQuestion, SurveyStatement } from '@harvest/shared'
import { LEVERS, LEVER_LABELS } from '@harvest/shared'
import { harvestEntries } from '../harvestEntries'

const NO_CLUSTER = 'No cluster given'
const clusterOf = (report: Report) => report.session.cluster.trim() || NO_CLUSTER
const nonEmpty = (texts: string[]) => texts.map((t) => t.trim()).filter((t) => t !== '')

const leverCounts = (r: Report) =>
  Object.fromEntries(LEVERS.map((lever) => [lever, r.levers.sections.find((s) => s.lever === lever)?.count ?? 0])) as Record<Lever, number>

function cluster(name: string, reports: Report[], round: (r: Report) => string): ProgrammeCluster {
  const entries: ProgrammeEntry[] = reports.flatMap((r) => harvestEntries(r).map((e) => ({ ...e, sessionId: r.session.id })))
  const rest = entries.filter((e) => !e.key)
  return {
    cluster: name,
    sessions: reports.map((r) => ({ id: r.session.id, title: r.session.title, cluster: r.session.cluster, round: round(r), date: r.session.date, leverCounts: leverCounts(r) })),
    keyInsights: entries.filter((e) => e.key),
    summaries: { what: nonEmpty(reports.map((r) => r.what.summary)), soWhat: nonEmpty(reports.map((r) => r.soWhat.summary)), nowWhat: nonEmpty(reports.map((r) => r.nowWhat.summary)) },
    what: rest.filter((e) => e.section === 'what'),
    soWhat: rest.filter((e) => e.section === 'so_what'),
    nowWhat: rest.filter((e) => e.section === 'now_what'),
  }
}

function levers(clusters: ProgrammeCluster[], reports: Report[]): ProgrammeLever[] {
  const found = LEVERS.map((lever): ProgrammeLever => {
    const perCluster = new Map<string, number>()
    for (const r of reports) {
      const count = r.levers.sections.find((s) => s.lever === lever)?.count ?? 0
      if (count > 0) perCluster.set(clusterOf(r), (perCluster.get(clusterOf(r)) ?? 0) + count)
    }
    const entries = clusters.flatMap((c) => [...c.keyInsights, ...c.what, ...c.soWhat, ...c.nowWhat]).filter((e) => e.levers.includes(lever))
    return {
      lever,
      label: LEVER_LABELS[lever],
      count: [...perCluster.values()].reduce((a, b) => a + b, 0),
      clusters: [...perCluster].map(([name, count]) => ({ cluster: name, count })),
      entries: [...entries.filter((e) => e.key), ...entries.filter((e) => !e.key)],
    }
  })
  // Stable for equal counts: LEVERS' own order.
  return found.filter((l) => l.count > 0).sort((a, b) => b.count - a.count)
}

/** Sums each statement's counts by its text, and gathers each open question's answers, across sessions. */
function survey(reports: Report[]): ProgrammeSurvey | null {
  const surveys = reports.flatMap((r) => (r.survey ? [r.survey] : []))
  if (surveys.length === 0) return null
  const statements = new Map<string, SurveyStatement>()
  const questions = new Map<string, SurveyQuestion>()
  for (const s of surveys) {
    for (const st of s.statements) {
      const sum = statements.get(st.text) ?? { text: st.text, counts: [0, 0, 0, 0, 0], answered: 0, agreed: 0 }
      sum.counts = sum.counts.map((c, i) => c + (st.counts[i] ?? 0)) as SurveyStatement['counts']
      sum.answered += st.answered
      sum.agreed += st.agreed
      statements.set(st.text, sum)
    }
    for (const q of s.questions) {
      const sum = questions.get(q.text) ?? { text: q.text, answers: [] }
      sum.answers.push(...q.answers)
      questions.set(q.text, sum)
    }
  }
  const total = (key: 'responses' | 'pilotResponses' | 'twinResponses') => surveys.reduce((n, s) => n + s[key], 0)
  return {
    sessions: surveys.length,
    responses: total('responses'),
    pilotResponses: total('pilotResponses'),
    twinResponses: total('twinResponses'),
    statements: [...statements.values()],
    questions: [...questions.values()],
  }
}

/**
 * The programme's synthesis from several sessions' reports: a part per cluster (in the order
 * clusters first appear), the levers across clusters, and the survey summed. `rounds` gives
 * each session's round, which the Report value does not carry.
 */
export function buildProgrammeReport(reports: Report[], options: { round: string; rounds: Record<string, string>; now: number }): ProgrammeReport {
  const round = (r: Report) => options.rounds[r.session.id] ?? options.round
  const names = [...new Set(reports.map(clusterOf))]
  const clusters = names.map((name) => cluster(name, reports.filter((r) => clusterOf(r) === name), round))
  return {
    version: 1,
    generatedAt: new Date(options.now).toISOString(),
    round: options.round,
    sessions: clusters.flatMap((c) => c.sessions),
    clusters,
    levers: levers(clusters, reports),
    survey: survey(reports),
  }
}
