import { useEffect, useState } from 'react'
import { PHASE_LABELS, currentItem } from '@harvest/shared'
import { closeHarvest, openHarvest } from '../../harvest/harvestConnection'
import { liveStory, storyClock } from '../../control/activeClock'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { ChimeWatcher } from '../clock/ChimeWatcher'
import { ClockView } from '../clock/ClockView'
import { ConnectionBadge } from '../ConnectionBadge'
import { OfflineBanner } from '../OfflineBanner'
import { StageHarvest } from './StageHarvest'
import { RecapList } from '../session/RecapPanel'
import { useRecap } from '../session/useRecap'
import { useStageConnection } from './useStageConnection'
import './stage.css'

/**
 * For a projector or a shared screen: the speaker, their city and story with a clock legible
 * across a room, or the current agenda item and its clock between stories.
 */
export function StagePage({ sessionId }: { sessionId: string }) {
  const identity = useStageConnection(sessionId)
  const control = useControlStore((s) => s.control)
  const session = useSessionStore((s) => s.state?.session)
  const status = useSessionStore((s) => s.status)
  const refusal = useSessionStore((s) => s.refusal)
  const [showHarvest, setShowHarvest] = useState(false)
  const [showRecap, setShowRecap] = useState(false)
  // Asked once connected: the footer offers the last round's insights only when there are some.
  const recap = useRecap(!!control)

  // The harvest document is opened only while the room reads it back.
  useEffect(() => {
    if (!identity || !showHarvest) return
    openHarvest(sessionId, identity.token)
    return () => closeHarvest()
  }, [sessionId, identity?.token, showHarvest])

  if (!identity) {
    return (
      <main className="stage stage-message">
        <h1>This screen has no stage link</h1>
        <p>Open the session’s stage link here: the facilitator copies it from the console (“Copy stage link”).</p>
      </main>
    )
  }
  if (status === 'refused') {
    return (
      <main className="stage stage-message">
        <h1>{identity.via === 'stage-link' ? 'This stage link no longer works' : 'The session refused this connection'}</h1>
        <p role="alert">{identity.via === 'stage-link' ? 'Ask the facilitator for the current stage link.' : refusal}</p>
      </main>
    )
  }
  if (!control || !session) return <main className="stage stage-message"><p>Connecting…</p></main>

  const item = currentItem(control)
  const story = liveStory(control)
  const sClock = storyClock(control)

  return (
    <main className="stage">
      <ChimeWatcher />
      <OfflineBanner />
      {showRecap && recap ? (
        <div className="stage-body stage-recap">
          <p className="stage-eyebrow">Recap and check-in</p>
          <RecapList recap={recap} />
        </div>
      ) : showHarvest ? (
        <StageHarvest />
      ) : story && sClock ? (
        <div className="stage-body">
          <p className="stage-eyebrow">{story.status === 'qa' ? 'Questions for' : 'Now telling'}</p>
          <h1 className="stage-speaker">{story.storytellerName || story.city}</h1>
          <p className="stage-city">{story.city}</p>
          {story.title && <p className="stage-title">{story.title}</p>}
          <ClockView clock={sClock.clock} size="stage" kind={sClock.target.kind === 'story' ? sClock.target.part : 'item'} label={sClock.label} />
        </div>
      ) : item ? (
        <div className="stage-body">
          <p className="stage-eyebrow">{item.phase !== 'none' ? PHASE_LABELS[item.phase] : 'Now'}</p>
          <h1 className="stage-speaker">{item.title}</h1>
          {item.prompt && <p className="stage-title">{item.prompt}</p>}
          <ClockView clock={item.clock} size="stage" kind="item" />
        </div>
      ) : (
        <div className="stage-body"><h1 className="stage-speaker">{session.title}</h1><p className="stage-city">Starting soon</p></div>
      )}
      <footer className="stage-foot">
        <span>{session.title} · {session.cluster}</span>
        <span className="stage-foot-actions">
          <ConnectionBadge status={status} />
          {recap && (
            <button className="link" onClick={() => setShowRecap(!showRecap)} aria-pressed={showRecap}>{showRecap ? 'Back to the clock' : 'Last round’s key insights'}</button>
          )}
          <button className="link" onClick={() => setShowHarvest(!showHarvest)} aria-pressed={showHarvest}>{showHarvest ? 'Back to the clock' : 'The harvest so far'}</button>
          <button className="link" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}>Full screen</button>
        </span>
      </footer>
    </main>
  )
}
