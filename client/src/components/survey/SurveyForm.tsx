import { useState, type FormEvent } from 'react'
import type { Agreement, SurveyAnswer, SurveyDefinition } from '@harvest/shared'
import { AGREEMENT_LABELS, SURVEY_LIMITS, answersAnything, can } from '@harvest/shared'
import { survey as commands } from '../../survey/surveyCommands'
import { useSessionStore } from '../../stores/useSessionStore'
import { useSurveyStore } from '../../stores/useSurveyStore'
import './survey.css'

const blank = (definition: SurveyDefinition): SurveyAnswer => ({
  agreements: definition.statements.map(() => null),
  texts: definition.questions.map(() => ''),
})

const same = (a: SurveyAnswer | null, b: SurveyAnswer) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The feedback survey for a participant or harvester while it is open: a 5-point scale per
 * statement and a box per question. Their saved answer shows as saved and stays editable
 * until the facilitator closes the survey. Nobody else ever sees who wrote what.
 */
export function SurveyForm({ sessionId }: { sessionId: string }) {
  const state = useSurveyStore((s) => s.survey)
  const mine = useSurveyStore((s) => s.mine)
  const role = useSessionStore((s) => s.state?.you.role)
  // Null while untouched: the form then shows the saved answer as the server sent it.
  const [draft, setDraft] = useState<SurveyAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!state || !role || !can(role, 'survey:answer') || state.status === 'draft') return null
  if (state.status === 'closed') {
    return (
      <section className="panel survey-form" aria-labelledby="survey-heading">
        <h2 id="survey-heading">Feedback survey</h2>
        <p className="muted">{mine ? 'The survey is closed. Thank you for your answers.' : 'The survey is closed.'}</p>
      </section>
    )
  }
  const { definition } = state
  const shown = draft ?? mine ?? blank(definition)
  const saved = mine !== null && same(mine, shown)
  const edit = (next: SurveyAnswer) => {
    setDraft(next)
    setError(null)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const reply = await commands.answer(shown)
    setBusy(false)
    if (reply.ok) setDraft(null)
    else setError(reply.message)
  }

  return (
    <section className="panel survey-form" aria-labelledby="survey-heading">
      <h2 id="survey-heading">Feedback survey</h2>
      <p className="muted">
        Your answers are seen without your name, by the facilitators and in the report as counts and quotes marked pilot or twin city.
        You can change them until the facilitator closes the survey.{' '}
        <a href={`/s/${encodeURIComponent(sessionId)}/survey`}>Answer later on its own page</a>.
      </p>
      <form onSubmit={submit}>
        {definition.statements.map((statement, i) => (
          <fieldset key={`s${i}`} className="likert">
            <legend>{statement}</legend>
            <div className="likert-points">
              {AGREEMENT_LABELS.map((label, point) => (
                <label key={label}>
                  <input
                    type="radio"
                    name={`statement-${i}`}
                    checked={shown.agreements[i] === point}
                    onChange={() => edit({ ...shown, agreements: shown.agreements.map((a, j) => (j === i ? (point as Agreement) : a)) })}
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {definition.questions.map((question, i) => (
          <label key={`q${i}`} className="survey-text">
            {question}
            <textarea
              rows={3}
              maxLength={SURVEY_LIMITS.answerTextMax}
              value={shown.texts[i] ?? ''}
              onChange={(e) => edit({ ...shown, texts: shown.texts.map((t, j) => (j === i ? e.target.value : t)) })}
            />
          </label>
        ))}
        <div className="row">
          <button className="primary" disabled={busy || saved || !answersAnything(shown)}>{mine ? 'Save my changes' : 'Send my answers'}</button>
          {saved && <span className="saved" role="status">✓ Saved. You can still change your answers.</span>}
          {error && <span className="error" role="alert">{error}</span>}
        </div>
      </form>
    </section>
  )
}
