import { useBoardStore } from '../../stores/useBoardStore'

const SHOWN = 8

/** Who else is on the board now, with the area each is looking at. */
export function PresenceStrip({ areaLabel }: { areaLabel(id: string): string }) {
  const others = useBoardStore((s) => s.others)
  if (others.length === 0) return <span className="presence muted">Only you on the board</span>
  return (
    <span className="presence" aria-label="On the board now">
      {others.slice(0, SHOWN).map((p) => (
        <span key={p.memberId} className="avatar" style={{ background: p.color }} title={`${p.name}${p.city ? `, ${p.city}` : ''} · ${areaLabel(p.area)}`}>
          {p.name.slice(0, 1).toUpperCase()}
        </span>
      ))}
      <span className="presence-count">{others.length + 1} on the board</span>
    </span>
  )
}
