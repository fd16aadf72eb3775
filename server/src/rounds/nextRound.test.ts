import { describe, expect, it } from 'vitest'
import { newControl } from '../control/newControl'
import { carriedControl, nextTitle } from './nextRound'

describe('the next round', () => {
  it('renames the round where the title carries it, and adds it otherwise', () => {
    expect(nextTitle('Cluster 4 – Round 1 sensemaking', 'Round 1', 'Round 2')).toBe('Cluster 4 – Round 2 sensemaking')
    expect(nextTitle('Cluster 4 sensemaking', 'Round 1', 'Round 2')).toBe('Cluster 4 sensemaking – Round 2')
    expect(nextTitle('Cluster 4', '', 'Round 2')).toBe('Cluster 4 – Round 2')
  })

  it('carries the agenda and the queue with fresh clocks and new ids, never the run time', () => {
    const from = newControl({ leadId: 'old', cities: [{ name: 'Ghent', kind: 'pilot' }] }).state
    from.agenda[0]!.clock = { ...from.agenda[0]!.clock, elapsedMs: 5_000, runningSince: 9 }
    from.stories[0] = { ...from.stories[0]!, status: 'done', storytellerId: 'm1', storytellerName: 'Ann' }
    from.endedAt = 10
    const next = carriedControl(from, 'new-lead')
    expect(next.agenda.map((i) => i.title)).toEqual(from.agenda.map((i) => i.title))
    expect(next.agenda[0]!.clock).toEqual({ durationMs: from.agenda[0]!.plannedMinutes * 60_000, plannedMs: from.agenda[0]!.plannedMinutes * 60_000, elapsedMs: 0, runningSince: null })
    expect(next.agenda[0]!.id).not.toBe(from.agenda[0]!.id)
    expect(next.stories[0]).toMatchObject({ city: 'Ghent', status: 'queued', storytellerId: null, storytellerName: 'Ann' })
    expect(next).toMatchObject({ leadId: 'new-lead', endedAt: null, currentItemId: next.agenda[0]!.id, rounds: [], reportShared: false })
  })
})
