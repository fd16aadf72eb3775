import { useMemo } from 'react'
import type { PresentMember, Story } from '@harvest/shared'
import { LIMITS, ROLE_LABELS } from '@harvest/shared'
import { storytellerChoices } from '../../control/storytellerChoices'
import { useSessionStore } from '../../stores/useSessionStore'
import { CommitText } from '../inputs/CommitField'

const NO_MEMBERS: PresentMember[] = []
const NOT_JOINED = ''

/** The storyteller fields a story can change; the picker always sends both together. */
type StorytellerPatch = Pick<Story, 'storytellerId' | 'storytellerName'>

/**
 * Who tells a story: a member picked from the session's people (the story's city first), or
 * "not joined yet" with just a typed name, which the storyteller claims by volunteering later.
 */
export function StorytellerPicker({ story, n, onChange }: { story: Story; n: number; onChange(patch: StorytellerPatch): void }) {
  const members = useSessionStore((s) => s.state?.members ?? NO_MEMBERS)
  const { fromCity, others } = useMemo(() => storytellerChoices(members, story.city), [members, story.city])
  // Until the people list arrives (or if it lags behind the queue), still show who it is.
  const unlisted = story.storytellerId !== null && !members.some((m) => m.id === story.storytellerId)

  function pick(value: string) {
    // Keep the name so far: it is usually the same person, who has simply not joined.
    if (value === NOT_JOINED) return onChange({ storytellerId: null, storytellerName: story.storytellerName })
    const member = members.find((m) => m.id === value)
    if (member) onChange({ storytellerId: member.id, storytellerName: member.name })
  }

  return (
    <span className="storyteller-pick">
      <select aria-label={`Storyteller of story ${n}`} value={story.storytellerId ?? NOT_JOINED} onChange={(e) => pick(e.target.value)}>
        <option value={NOT_JOINED}>Not joined yet</option>
        {unlisted && <option value={story.storytellerId ?? ''}>{story.storytellerName || 'Someone who left'}</option>}
        {fromCity.length > 0 && (
          <optgroup label={`From ${story.city}`}>
            {fromCity.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </optgroup>
        )}
        {others.length > 0 && (
          <optgroup label={fromCity.length > 0 ? 'Everyone else' : 'People in the session'}>
            {others.map((m) => <option key={m.id} value={m.id}>{m.name} ({m.city || ROLE_LABELS[m.role].toLowerCase()})</option>)}
          </optgroup>
        )}
      </select>
      {story.storytellerId === null && (
        <CommitText className="inline-edit" label={`Storyteller name of story ${n}`} value={story.storytellerName} maxLength={LIMITS.nameMax}
          placeholder="name, if known" onCommit={(storytellerName) => onChange({ storytellerId: null, storytellerName })} />
      )}
    </span>
  )
}
