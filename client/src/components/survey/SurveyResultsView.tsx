import { useState } from 'react'
import type { ReportSurvey, SurveyResults } from '@harvest/shared'
import { AGREEMENT_LABELS, SURVEY_MIN_ANSWERS, agreedText, surveyIsShown } from '@harvest/shared'
import { SurveyChart } from './SurveyChart'

const GROUPS = [
  { id: 'all', label: 'All cities' },
  { id: 'pilot', label: 'Pilot cities' },
  { id: 'twin', label: 'Twin cities' },
] as const
type GroupId = (typeof GROUPS)[number]['id']

const KIND = { pilot: 'pilot city', twin: 'twin city' } as const

/** The survey's live results for facilitators: all cities, or pilot and twin cities apart; never names. */
export function SurveyResultsView({ results }: { results: SurveyResults }) {
  const [group, setGroup] = useState<GroupId>('all')
  const shown: ReportSurvey = results[group]
  const summarised = surveyIsShown(shown)
  return (
    <div className="survey-results">
      <div className="segmented" role="radiogroup" aria-label="Whose answers">
        {GROUPS.map((g) => (
          <button key={g.id} role="radio" aria-checked={group === g.id} className={group === g.id ? 'active' : undefined} onClick={() => setGroup(g.id)}>
            {g.label} <span className="count">{results[g.id].responses}</span>
          </button>
        ))}
      </div>
      {!summarised && (
        <p className="muted" role="note">
          {shown.responses === 0 ? 'No answers yet.' : `Fewer than ${SURVEY_MIN_ANSWERS} answers: only the counts are shown, so nobody can be recognised.`}
        </p>
      )}
      {summarised && shown.statements.length > 0 && <SurveyChart statements={shown.statements} title={`Agreement, ${GROUPS.find((g) => g.id === group)!.label.toLowerCase()}`} />}
      <table className="survey-counts">
        <thead>
          <tr>
            <th scope="col">Statement</th>
            {AGREEMENT_LABELS.map((label) => <th key={label} scope="col" className="num">{label}</th>)}
            <th scope="col" className="num">Answered</th>
          </tr>
        </thead>
        <tbody>
          {shown.statements.map((s, i) => (
            <tr key={i}>
              <th scope="row">
                {s.text}
                {summarised && <span className="agreed">{agreedText(s)}</span>}
              </th>
              {s.counts.map((count, point) => <td key={point} className="num">{count}</td>)}
              <td className="num">{s.answered}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.questions.map((q, i) => (
        <section key={i} className="survey-question">
          <h4>{q.text} <span className="muted">· {q.answers.length} {q.answers.length === 1 ? 'answer' : 'answers'}</span></h4>
          {summarised && (
            <ul>
              {q.answers.map((a, j) => (
                <li key={j}>{a.text}{a.cityKind && <span className={`kind ${a.cityKind}`}>{KIND[a.cityKind]}</span>}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  )
}
