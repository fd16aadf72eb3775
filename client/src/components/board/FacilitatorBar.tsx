import { useEffect, useState } from 'react'
import type { BoardMode } from '@harvest/shared'
import { boardCommands } from '../../board/boardCommands'
import { ALL_AREAS } from '../../board/cardFilters'

type Switch = 'privateWriting' | 'anonymous'

/** The facilitator's board switches: private writing (and reveal), anonymous cards, follow me. */
export function FacilitatorBar({ mode, area, memberId, leaderName }: { mode: BoardMode; area: string; memberId: string; leaderName: string | null }) {
  // A switch shows its new position at once, until the server's state agrees (or it refuses).
  const [pending, setPending] = useState<Partial<Record<Switch, boolean>>>({})
  useEffect(() => {
    setPending((p) => (Object.entries(p).some(([k, v]) => mode[k as Switch] === v) ? {} : p))
  }, [mode])
  const shown = (key: Switch) => pending[key] ?? mode[key]
  async function flip(key: Switch, value: boolean) {
    setPending((p) => ({ ...p, [key]: value }))
    if (!(await boardCommands.setMode({ [key]: value })).ok) setPending((p) => ({ ...p, [key]: undefined }))
  }
  const leading = mode.follow?.by === memberId

  return (
    <div className="facilitator-bar" role="group" aria-label="Board settings">
      <label className="inline-check">
        <input type="checkbox" checked={shown('privateWriting')} onChange={(e) => void flip('privateWriting', e.target.checked)} />
        Private writing
      </label>
      {mode.privateWriting && <button onClick={() => void boardCommands.revealDrafts()}>Reveal all</button>}
      <label className="inline-check">
        <input type="checkbox" checked={shown('anonymous')} onChange={(e) => void flip('anonymous', e.target.checked)} />
        Anonymous cards
      </label>
      <button
        className={leading ? 'primary' : ''}
        aria-pressed={leading}
        disabled={!leading && area === ALL_AREAS}
        title={area === ALL_AREAS ? 'Open one area to lead everyone there' : 'Everyone’s board follows the area you are on'}
        onClick={() => void boardCommands.follow(leading ? null : area)}
      >
        {leading ? 'Following you: stop' : 'Follow me'}
      </button>
      {mode.follow && !leading && <span className="muted">{leaderName ?? 'Another facilitator'} leads the board</span>}
    </div>
  )
}
