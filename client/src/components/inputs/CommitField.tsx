import { useState, type KeyboardEvent } from 'react'

interface TextProps {
  value: string
  onCommit(value: string): void
  label: string
  multiline?: boolean
  maxLength?: number
  required?: boolean
  placeholder?: string
  className?: string
  disabled?: boolean
  /** Visible lines of a multiline field. */
  rows?: number
}

/**
 * Inline editing that sends one change when the person leaves the field (or presses Enter),
 * not one per keystroke; Escape drops the edit. While not being edited it shows the server's value.
 */
export function CommitText({ value, onCommit, label, multiline, maxLength, required, placeholder, className, disabled, rows = 2 }: TextProps) {
  const [draft, setDraft] = useState<string | null>(null)

  function commit() {
    const next = draft?.trim()
    setDraft(null)
    if (next === undefined || next === value || (required && !next)) return
    onCommit(next)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (event.key === 'Escape') setDraft(null)
    if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      event.currentTarget.blur()
    }
  }

  const props = {
    'aria-label': label,
    value: draft ?? value,
    maxLength,
    placeholder,
    className,
    disabled,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown,
  }
  return multiline ? <textarea rows={rows} {...props} /> : <input {...props} />
}

interface NumberProps {
  value: number
  onCommit(value: number): void
  label: string
  min: number
  max: number
  className?: string
  disabled?: boolean
}

/** A whole number edited inline; out-of-range or unreadable input falls back to the server's value. */
export function CommitNumber({ value, onCommit, label, min, max, className, disabled }: NumberProps) {
  const [draft, setDraft] = useState<string | null>(null)

  function commit() {
    const next = draft === null ? value : Number(draft)
    setDraft(null)
    if (Number.isInteger(next) && next >= min && next <= max && next !== value) onCommit(next)
  }

  return (
    <input type="number" inputMode="numeric" aria-label={label} className={className} disabled={disabled}
      min={min} max={max} step={1} value={draft ?? String(value)}
      onChange={(e) => setDraft(e.target.value)} onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur()
        if (e.key === 'Escape') setDraft(null)
      }} />
  )
}
