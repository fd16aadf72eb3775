import { useState } from 'react'
import type { SurveyDefinition } from '@harvest/shared'
import { SURVEY_LIMITS } from '@harvest/shared'
import { loadIdentity } from '../../identity'
import { saveFile } from '../../report/reportFiles'
import { fetchSurveyCsv } from '../../survey/fetchSurveyCsv'
import { survey as commands } from '../../survey/surveyCommands'
import { useNoticeStore } from '../../stores/useNoticeStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { useSurveyStore } from '../../stores/useSurveyStore'
import { SurveyResultsView } from './SurveyResultsView'
import './survey.css'

const STATUS_TEXT = {
  draft: 'participants cannot see it yet. Edit it, then open it at the wrap-up.',
  open: 'participants and harvesters are answering; they can change their answers until you close it.',
  closed: 'the answers are final and appear in the Harvest Report.',
} as const

/** The facilitator's survey tab: edit while a draft, open and close it, and follow the results live. */
export function SurveyConsole() {
  const state = useSurveyStore((s) => s.survey)
  const results = useSurveyStore((s) => s.results)
  const sessionId = useSessionStore((s) => s.state?.session.id)
  if (!state) return <p className="muted">Loading the survey…</p>
  return (
    <div className="survey-console">
      <p className={`survey-status ${state.status}`}>
        <strong>{state.status === 'draft' ? 'Draft' : state.status === 'open' ? 'Open' : 'Closed'}</strong> · {STATUS_TEXT[state.status]}
      </p>
      <p className="muted">
        {state.responses} {state.responses === 1 ? 'answer' : 'answers'} ({state.pilotResponses} from pilot cities, {state.twinResponses} from twin cities)
      </p>
      <div className="row">
        {state.status === 'draft' && <button className="primary" onClick={() => void commands.open()}>Open the survey</button>}
        {state.status === 'open' && <button className="primary" onClick={() => void commands.close()}>Close the survey</button>}
        {state.status !== 'draft' && sessionId && <button onClick={() => void downloadCsv(sessionId)}>Download the answers (CSV, without names)</button>}
      </div>
      {state.status === 'draft' ? <SurveyEditor key={JSON.stringify(state.definition)} definition={state.definition} /> : results && <SurveyResultsView results={results} />}
    </div>
  )
}

function ItemList({ label, items, onChange }: { label: string; items: string[]; onChange(items: string[]): void }) {
  return (
    <fieldset className="survey-items">
      <legend>{label}</legend>
      {items.map((item, i) => (
        <div key={i} className="row">
          <input className="grow" aria-label={`${label} ${i + 1}`} value={item} maxLength={SURVEY_LIMITS.textMax} onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))} />
          <button type="button" aria-label={`Remove ${label.toLowerCase()} ${i + 1}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>Remove</button>
        </div>
      ))}
      {items.length < SURVEY_LIMITS.itemsMax && <button type="button" onClick={() => onChange([...items, ''])}>Add</button>}
    </fieldset>
  )
}

function SurveyEditor({ definition }: { definition: SurveyDefinition }) {
  const [draft, setDraft] = useState(definition)
  const changed = JSON.stringify(draft) !== JSON.stringify(definition)
  return (
    <form className="survey-editor" onSubmit={(e) => { e.preventDefault(); void commands.update(draft) }}>
      <ItemList label="Agreement statements (strongly disagree … strongly agree)" items={draft.statements} onChange={(statements) => setDraft({ ...draft, statements })} />
      <ItemList label="Open questions" items={draft.questions} onChange={(questions) => setDraft({ ...draft, questions })} />
      <button className="primary" disabled={!changed}>Save the survey</button>
    </form>
  )
}

async function downloadCsv(sessionId: string): Promise<void> {
  const identity = loadIdentity(sessionId)
  if (!identity) return
  try {
    saveFile(await fetchSurveyCsv(sessionId, identity.token))
  } catch (error) {
    useNoticeStore.getState().show('error', error instanceof Error ? error.message : String(error))
  }
}
