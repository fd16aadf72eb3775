import { describe, expect, it } from 'vitest'
import { EMPTY_NOTES } from '@harvest/shared'
import { pendingPatch, settleDraft, shownNotes } from './notesDraft'

const stored = { ...EMPTY_NOTES, milestones: 'Hub opened', plans: 'Scale up' }

describe('notes draft', () => {
  it('shows typed text over stored text', () => {
    expect(shownNotes(stored, { plans: 'Scale up to 3 districts' })).toEqual({ ...stored, plans: 'Scale up to 3 districts' })
  })

  it('sends only the fields that differ from what is stored', () => {
    expect(pendingPatch(stored, { milestones: 'Hub opened', plans: 'Scale' })).toEqual({ plans: 'Scale' })
    expect(pendingPatch(stored, {})).toEqual({})
  })

  it('keeps a field typed further while its save was in flight', () => {
    const sent = { plans: 'Scale', learnings: 'Trust' }
    const draft = { plans: 'Scale up', learnings: 'Trust' }
    expect(settleDraft(draft, sent)).toEqual({ plans: 'Scale up' })
  })
})
