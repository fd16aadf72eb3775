import { SHORTCUTS } from './useShortcuts'

/** The lead's keyboard shortcuts, one click away so the run view keeps its room for the clocks. */
export function ShortcutHelp({ active }: { active: boolean }) {
  return (
    <details className="shortcut-fold">
      <summary>{active ? 'Keys' : 'Keys (when you lead)'}</summary>
      <p className="shortcuts" aria-label="Keyboard shortcuts">
        {SHORTCUTS.map((s) => (
          <span key={s.does} className="shortcut">
            {s.keys.map((k, i) => <span key={k}>{i > 0 && ' or '}<kbd>{k}</kbd></span>)} {s.does}
          </span>
        ))}
      </p>
    </details>
  )
}
