import { useEffect, useState } from 'react'
import type { HarvestSection } from '@harvest/shared'
import { HARVEST_SECTION_LABELS } from '@harvest/shared'
import { harvestActions } from '../../harvest/harvestActions'
import { useHarvestStore } from '../../stores/useHarvestStore'

/**
 * A section's shared summary. Writers type into a plain textarea whose every change goes to the
 * shared text as one small splice; readers see it update live.
 */
export function SummaryEditor({ section, writable }: { section: HarvestSection; writable: boolean }) {
  const shared = useHarvestStore((s) => s.summaries[section])
  const [text, setText] = useState(shared)

  // Others' typing arrives here; our own comes back equal to what we typed and changes nothing.
  useEffect(() => setText(shared), [shared])

  const label = `${HARVEST_SECTION_LABELS[section]} summary`
  if (!writable) {
    return shared.trim() ? <p className="summary-text">{shared}</p> : <p className="muted summary-text">No summary yet.</p>
  }
  return (
    <textarea
      className="summary-edit"
      aria-label={label}
      placeholder="Write the summary of this section together…"
      rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
      value={text}
      onChange={(e) => {
        setText(e.target.value)
        harvestActions.setSummary(section, e.target.value)
      }}
    />
  )
}
