import { currentItem, isRecapItem } from '@harvest/shared'
import type { Recap } from '@harvest/shared'
import { useControlStore } from '../../stores/useControlStore'
import { useRecap } from './useRecap'
import { formatDay } from '../../time/formatDate'
import './session.css'

/** The insights themselves, on a screen or on the stage. */
export function RecapList({ recap }: { recap: Recap }) {
  return (
    <>
      <p className="recap-from">Key insights of {recap.from.round || 'the last round'} · {recap.from.title} · {formatDay(recap.from.date)}</p>
      {recap.insights.length === 0 ? (
        <p className="muted">That round’s harvest marked no key insights.</p>
      ) : (
        <ul className="recap-list">
          {recap.insights.map((insight, i) => (
            <li key={i}>
              {insight.text}
              {insight.cities.length > 0 && <span className="recap-cities"> — {insight.cities.join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** While "Recap and check-in" runs, everyone sees what the previous round of this cluster found. */
export function RecapPanel() {
  const onRecap = useControlStore((s) => (s.control ? isRecapItem(currentItem(s.control)) : false))
  const recap = useRecap(onRecap)
  if (!onRecap || !recap) return null
  return (
    <section className="panel recap-panel" aria-label="Recap of the last round">
      <h2>Recap: the last round</h2>
      <RecapList recap={recap} />
    </section>
  )
}
