import { agenda } from '../../commands'
import { useControlStore } from '../../stores/useControlStore'

/** Turns the soft chime at zero on or off for every screen in the session. */
export function ChimeToggle() {
  const chime = useControlStore((s) => s.control?.chime ?? false)
  return (
    <label className="toggle">
      <input type="checkbox" checked={chime} onChange={(e) => agenda.settings({ chime: e.target.checked })} />
      Soft chime at zero
    </label>
  )
}
