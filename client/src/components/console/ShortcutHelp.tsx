import { SHORTCUTS } from './useShortcuts'

/** The lead's keyboard shortcuts, always on screen so nobody has to remember them. */
export function ShortcutHelp({ active }: { active: boolean }) {
  return (
    <p className="shortcuts" aria-label="Keyboard shortcuts">
      <span className="muted">{active ? 'Keys:' : 'Keys (when you lead):'}</span>
      {SHORTCUTS.map((s) => (
        <span key={s.does} className="shortcut">
          {s.keys.map((k, i) => <span key={k}>{i > 0 && ' or '}<kbd>{k}</kbd></span>)} {s.does}
        </span>
      ))}
    </p>
  )
}
