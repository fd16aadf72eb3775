/** A row of toggle chips (levers, domains), with optional keyboard hints. */
export function ChipToggles<T extends string>({ options, selected, labels, titles, hints, onToggle, label }: {
  options: readonly T[]
  selected: readonly T[]
  labels: Record<T, string>
  titles?: Record<T, string>
  hints?: (index: number) => string
  onToggle(value: T): void
  label: string
}) {
  return (
    <div className="chip-row" role="group" aria-label={label}>
      {options.map((value, i) => (
        <button
          key={value}
          type="button"
          className={selected.includes(value) ? 'chip chip-toggle on' : 'chip chip-toggle'}
          aria-pressed={selected.includes(value)}
          title={[titles?.[value], hints?.(i)].filter(Boolean).join(' · ')}
          onClick={() => onToggle(value)}
        >
          {labels[value]}
          {hints && <kbd>{hints(i).replace('Alt+Shift+', '⇧')}</kbd>}
        </button>
      ))}
    </div>
  )
}
