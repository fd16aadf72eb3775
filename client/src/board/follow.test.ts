import { describe, expect, it } from 'vitest'
import { offerRefollow, pickTab, shownArea } from './follow'

const follow = { area: 'story:1', by: 'fac' }

describe('follow me', () => {
  it('shows the leader’s area to followers, their own choice otherwise', () => {
    expect(shownArea(follow, 'plenary', false, 'p1')).toBe('story:1')
    expect(shownArea(follow, 'plenary', true, 'p1')).toBe('plenary')
    expect(shownArea(null, 'plenary', false, 'p1')).toBe('plenary')
    expect(shownArea(follow, 'plenary', false, 'fac')).toBe('plenary')
  })

  it('steps away when a follower picks another tab, not when they pick the leader’s', () => {
    expect(pickTab('plenary', follow, 'p1')).toEqual({ chosen: 'plenary', steppedAway: true })
    expect(pickTab('story:1', follow, 'p1')).toEqual({ chosen: 'story:1', steppedAway: false })
    expect(pickTab('plenary', null, 'p1')).toEqual({ chosen: 'plenary', steppedAway: false })
    expect(pickTab('plenary', follow, 'fac')).toEqual({ chosen: 'plenary', steppedAway: false })
  })

  it('offers to follow again only to someone who stepped away', () => {
    expect(offerRefollow(follow, true, 'p1')).toBe(true)
    expect(offerRefollow(follow, false, 'p1')).toBe(false)
    expect(offerRefollow(null, true, 'p1')).toBe(false)
    expect(offerRefollow(follow, true, 'fac')).toBe(false)
  })
})
