import { describe, expect, it } from 'vitest'
import { storyViewArea } from './storyView'

describe('the board follows the storyteller queue', () => {
  it('moves to the story being told, from the plenary or from the previous story', () => {
    expect(storyViewArea({ before: null, after: 'story:cluj', chosen: 'plenary', storytelling: true })).toBe('story:cluj')
    expect(storyViewArea({ before: 'story:cluj', after: 'story:galway', chosen: 'story:cluj', storytelling: true })).toBe('story:galway')
    expect(storyViewArea({ before: 'story:cluj', after: 'story:galway', chosen: '*', storytelling: true })).toBe('story:galway')
  })
  it('leaves a person alone while the same story goes on, even on another tab', () => {
    expect(storyViewArea({ before: 'story:cluj', after: 'story:cluj', chosen: 'plenary', storytelling: true })).toBeNull()
  })
  it('stays on the story between stories, and returns to the plenary once storytelling is over', () => {
    expect(storyViewArea({ before: 'story:cluj', after: null, chosen: 'story:cluj', storytelling: true })).toBeNull()
    expect(storyViewArea({ before: null, after: null, chosen: 'story:cluj', storytelling: false })).toBe('plenary')
    expect(storyViewArea({ before: null, after: null, chosen: 'plenary', storytelling: false })).toBeNull()
  })
  it('never pulls someone out of their breakout room', () => {
    expect(storyViewArea({ before: null, after: 'story:cluj', chosen: 'room:r1:a', storytelling: true })).toBeNull()
  })
})
