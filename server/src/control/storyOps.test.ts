import { describe, expect, it } from 'vitest'
import type { City, ClientPayload, ControlState, Member, Story } from '@harvest/shared'
import { CONTROL_LIMITS, applyClockCommand, clockPhase, elapsedMs, newClock, remainingMs, timeRecords } from '@harvest/shared'
import { DEFAULT_QA_MINUTES, DEFAULT_SLOT_MINUTES, newControl } from './newControl'
import { addStory, moveStory, removeStory, setStoryStatus, updateStory, volunteerStory } from './storyOps'
import { refusal } from '../testing/refusal'

const MIN = 60_000
const T0 = 1_700_000_000_000

const CITIES: City[] = [
  { name: 'Ghent', kind: 'pilot', project: 'Green roofs' },
  { name: 'Braga', kind: 'twin', twinOf: 'Ghent' },
  { name: 'Turku', kind: 'pilot', project: 'Cool schoolyards' },
  { name: 'Lodz', kind: 'pilot' },
]

/** A new session of the cities above: one queued, unclaimed story per pilot city. */
const fresh = (cities = CITIES): ControlState => newControl({ leadId: 'lead', cities }).state

const member = (overrides: Partial<Member> = {}): Member => ({
  id: 'pat',
  sessionId: 's1',
  name: 'Pat',
  role: 'participant',
  city: 'Ghent',
  cityKind: 'pilot',
  joinedAt: T0,
  ...overrides,
})

const storyAt = (control: ControlState, index: number): Story => {
  const story = control.stories[index]
  if (!story) throw new Error(`no story at ${index}`)
  return story
}
const byId = (control: ControlState, id: string): Story => {
  const story = control.stories.find((s) => s.id === id)
  if (!story) throw new Error(`no story ${id}`)
  return story
}

const newStoryInput = (overrides: Partial<ClientPayload<'story:add'>> = {}): ClientPayload<'story:add'> => ({
  city: 'Braga',
  storytellerId: null,
  storytellerName: 'Bea',
  title: 'Bike lanes',
  slotMinutes: 8,
  qaMinutes: 4,
  afterId: null,
  ...overrides,
})


describe('a new session', () => {
  it('queues one unclaimed story per pilot city, titled after its project, with default slots', () => {
    const control = fresh()
    expect(control.stories.map((s) => [s.city, s.title, s.status, s.storytellerId])).toEqual([
      ['Ghent', 'Green roofs', 'queued', null],
      ['Turku', 'Cool schoolyards', 'queued', null],
      ['Lodz', '', 'queued', null],
    ])
    expect(storyAt(control, 0)).toMatchObject({
      slotMinutes: DEFAULT_SLOT_MINUTES,
      qaMinutes: DEFAULT_QA_MINUTES,
      tellClock: newClock(DEFAULT_SLOT_MINUTES * MIN),
      qaClock: newClock(DEFAULT_QA_MINUTES * MIN),
    })
    expect(control.currentStoryId).toBeNull()
  })
})

describe('addStory, updateStory, moveStory, removeStory', () => {
  it('adds at the end, or after a given story', () => {
    const control = fresh()
    const last = addStory(control, newStoryInput())
    expect(control.stories.at(-1)).toMatchObject({ id: last, city: 'Braga', status: 'queued', tellClock: newClock(8 * MIN), qaClock: newClock(4 * MIN) })
    const second = addStory(control, newStoryInput({ title: 'Second', afterId: storyAt(control, 0).id }))
    expect(storyAt(control, 1).id).toBe(second)
  })

  it('refuses past the queue limit', () => {
    const control = fresh()
    while (control.stories.length < CONTROL_LIMITS.storiesMax) addStory(control, newStoryInput())
    expect(refusal(() => addStory(control, newStoryInput())).code).toBe('invalid')
  })

  it('new slot lengths become the lengths of clocks that have not run', () => {
    const control = fresh()
    const story = storyAt(control, 0)
    updateStory(control, { id: story.id, slotMinutes: 12, qaMinutes: 6, title: 'Roofs' })
    expect(storyAt(control, 0)).toMatchObject({ title: 'Roofs', tellClock: newClock(12 * MIN), qaClock: newClock(6 * MIN) })
  })

  it('a new slot length leaves a clock that has run alone', () => {
    const control = fresh()
    const story = storyAt(control, 0)
    setStoryStatus(control, story.id, 'telling', T0)
    updateStory(control, { id: story.id, slotMinutes: 20 })
    expect(remainingMs(storyAt(control, 0).tellClock, T0 + MIN)).toBe(9 * MIN)
  })

  it('moves a story in the queue', () => {
    const control = fresh()
    const [a, b, c] = control.stories.map((s) => s.id)
    moveStory(control, a!, 2)
    expect(control.stories.map((s) => s.id)).toEqual([b, c, a])
  })

  it('removing the current story leaves no current story', () => {
    const control = fresh()
    const story = storyAt(control, 0)
    setStoryStatus(control, story.id, 'telling', T0)
    removeStory(control, story.id)
    expect(control.stories.map((s) => s.id)).not.toContain(story.id)
    expect(control.currentStoryId).toBeNull()
  })

  it.each([
    ['update', (c: ControlState) => updateStory(c, { id: 'nope', title: 'x' })],
    ['move', (c: ControlState) => moveStory(c, 'nope', 0)],
    ['remove', (c: ControlState) => removeStory(c, 'nope')],
    ['status', (c: ControlState) => setStoryStatus(c, 'nope', 'telling', T0)],
    ['add after', (c: ControlState) => addStory(c, newStoryInput({ afterId: 'nope' }))],
  ])('%s refuses an unknown id', (_, action) => {
    const control = fresh()
    const before = structuredClone(control)
    expect(refusal(() => action(control)).code).toBe('not_found')
    expect(control).toEqual(before)
  })
})

describe('setStoryStatus', () => {
  it('telling starts the slot clock and makes the story current', () => {
    const control = fresh()
    const story = storyAt(control, 0)
    setStoryStatus(control, story.id, 'telling', T0)
    expect(byId(control, story.id)).toMatchObject({ status: 'telling', tellClock: { runningSince: T0, elapsedMs: 0 } })
    expect(clockPhase(byId(control, story.id).qaClock)).toBe('idle')
    expect(control.currentStoryId).toBe(story.id)
  })

  it('Q&A pauses the slot clock and starts the Q&A clock', () => {
    const control = fresh()
    const story = storyAt(control, 0)
    setStoryStatus(control, story.id, 'telling', T0)
    setStoryStatus(control, story.id, 'qa', T0 + 9 * MIN)
    const after = byId(control, story.id)
    expect(after.status).toBe('qa')
    expect(after.tellClock).toMatchObject({ elapsedMs: 9 * MIN, runningSince: null })
    expect(after.qaClock.runningSince).toBe(T0 + 9 * MIN)
    expect(control.currentStoryId).toBe(story.id)
  })

  it.each(['done', 'skipped'] as const)('%s pauses both clocks and clears the current story', (status) => {
    const control = fresh()
    const story = storyAt(control, 0)
    setStoryStatus(control, story.id, 'telling', T0)
    setStoryStatus(control, story.id, 'qa', T0 + 10 * MIN)
    setStoryStatus(control, story.id, status, T0 + 13 * MIN)
    const after = byId(control, story.id)
    expect(after.status).toBe(status)
    expect(after.tellClock).toMatchObject({ elapsedMs: 10 * MIN, runningSince: null })
    expect(after.qaClock).toMatchObject({ elapsedMs: 3 * MIN, runningSince: null })
    expect(control.currentStoryId).toBeNull()
  })

  it('finishing a story that is not current leaves the current one alone', () => {
    const control = fresh()
    const [telling, other] = [storyAt(control, 0), storyAt(control, 1)]
    setStoryStatus(control, telling.id, 'telling', T0)
    setStoryStatus(control, other.id, 'skipped', T0 + MIN)
    expect(control.currentStoryId).toBe(telling.id)
    expect(byId(control, telling.id).tellClock.runningSince).toBe(T0)
  })

  it('telling the next story finishes the one being told and pauses its clock', () => {
    const control = fresh()
    const [first, second] = [storyAt(control, 0), storyAt(control, 1)]
    setStoryStatus(control, first.id, 'telling', T0)
    setStoryStatus(control, second.id, 'telling', T0 + 7 * MIN)
    expect(byId(control, first.id)).toMatchObject({ status: 'done', tellClock: { elapsedMs: 7 * MIN, runningSince: null } })
    expect(byId(control, second.id)).toMatchObject({ status: 'telling', tellClock: { runningSince: T0 + 7 * MIN } })
    expect(control.currentStoryId).toBe(second.id)
  })

  it('a story in Q&A is finished too when another story starts, and queued stories stay queued', () => {
    const control = fresh()
    const [first, second, third] = [storyAt(control, 0), storyAt(control, 1), storyAt(control, 2)]
    setStoryStatus(control, first.id, 'telling', T0)
    setStoryStatus(control, first.id, 'qa', T0 + 10 * MIN)
    setStoryStatus(control, second.id, 'qa', T0 + 12 * MIN)
    expect(byId(control, first.id)).toMatchObject({ status: 'done', qaClock: { elapsedMs: 2 * MIN, runningSince: null } })
    expect(byId(control, third.id).status).toBe('queued')
    const running = control.stories.filter((s) => clockPhase(s.tellClock) === 'running' || clockPhase(s.qaClock) === 'running')
    expect(running.map((s) => s.id)).toEqual([second.id])
  })

  it('a story paused by hand stays paused when another story starts', () => {
    const control = fresh()
    const [first, second] = [storyAt(control, 0), storyAt(control, 1)]
    setStoryStatus(control, first.id, 'telling', T0)
    byId(control, first.id).tellClock = applyClockCommand(byId(control, first.id).tellClock, { op: 'pause' }, T0 + 2 * MIN)
    setStoryStatus(control, second.id, 'telling', T0 + 5 * MIN)
    expect(elapsedMs(byId(control, first.id).tellClock, T0 + 9 * MIN)).toBe(2 * MIN)
  })
})

describe('"follow me" through the queue', () => {
  it('takes followers to each story as it is told, and leaves the view alone when nobody leads', () => {
    const control = fresh()
    control.boardMode = { ...control.boardMode, follow: { area: 'plenary', by: 'lead' } }
    setStoryStatus(control, storyAt(control, 0).id, 'telling', T0)
    expect(control.boardMode.follow).toEqual({ area: `story:${storyAt(control, 0).id}`, by: 'lead' })
    setStoryStatus(control, storyAt(control, 1).id, 'telling', T0 + MIN)
    expect(control.boardMode.follow).toEqual({ area: `story:${storyAt(control, 1).id}`, by: 'lead' })

    const unled = fresh()
    setStoryStatus(unled, storyAt(unled, 0).id, 'telling', T0)
    expect(unled.boardMode.follow).toBeNull()
  })
})

describe('the storytelling block and its stories', () => {
  it('starts the storytelling item’s clock with the first story, and leaves a running one alone', () => {
    const control = fresh()
    const block = control.agenda.find((i) => i.kind === 'storytelling')!
    control.currentItemId = block.id
    setStoryStatus(control, storyAt(control, 0).id, 'telling', T0)
    expect(clockPhase(block.clock)).toBe('running')
    expect(block.clock.runningSince).toBe(T0)
    setStoryStatus(control, storyAt(control, 1).id, 'telling', T0 + 12 * MIN)
    expect(block.clock.runningSince).toBe(T0)
  })

  it('does not touch the clock of an item that is not storytelling', () => {
    const control = fresh()
    const welcome = control.agenda[0]!
    control.currentItemId = welcome.id
    setStoryStatus(control, storyAt(control, 0).id, 'telling', T0)
    expect(clockPhase(welcome.clock)).toBe('idle')
  })
})

describe('volunteerStory', () => {
  it("claims the unclaimed queued story of the member's city", () => {
    const control = fresh()
    const story = volunteerStory(control, member(), 'Roofs that cool the street')
    expect(story).toBe(storyAt(control, 0))
    expect(story).toMatchObject({ city: 'Ghent', storytellerId: 'pat', storytellerName: 'Pat', title: 'Roofs that cool the street', status: 'queued' })
    expect(control.stories).toHaveLength(3)
  })

  it('keeps the planned title when the volunteer gives none', () => {
    const control = fresh()
    expect(volunteerStory(control, member(), '').title).toBe('Green roofs')
  })

  it('is idempotent for the same member: a second call returns the same story unchanged', () => {
    const control = fresh()
    const first = volunteerStory(control, member(), 'First title')
    const again = volunteerStory(control, member({ city: 'Turku' }), 'Another title')
    expect(again.id).toBe(first.id)
    expect(again.title).toBe('First title')
    expect(control.stories).toHaveLength(3)
    expect(control.stories.filter((s) => s.storytellerId === 'pat')).toHaveLength(1)
  })

  it('appends a new story for a city without one, with default slots', () => {
    const control = fresh()
    const story = volunteerStory(control, member({ id: 'bea', name: 'Bea', city: 'Braga', cityKind: 'twin' }), 'Bike lanes')
    expect(control.stories.at(-1)).toBe(story)
    expect(story).toMatchObject({
      city: 'Braga',
      storytellerId: 'bea',
      storytellerName: 'Bea',
      title: 'Bike lanes',
      status: 'queued',
      slotMinutes: DEFAULT_SLOT_MINUTES,
      qaMinutes: DEFAULT_QA_MINUTES,
      tellClock: newClock(DEFAULT_SLOT_MINUTES * MIN),
    })
  })

  it("does not take a story another member of the city already claimed", () => {
    const control = fresh()
    const pats = volunteerStory(control, member(), 'Roofs')
    const kims = volunteerStory(control, member({ id: 'kim', name: 'Kim' }), 'Rain gardens')
    expect(kims.id).not.toBe(pats.id)
    expect(byId(control, pats.id)).toMatchObject({ storytellerId: 'pat', title: 'Roofs' })
    expect(control.stories.at(-1)).toMatchObject({ id: kims.id, city: 'Ghent', storytellerId: 'kim' })
  })

  it("does not take the city's story once it has been told", () => {
    const control = fresh()
    const told = storyAt(control, 0)
    setStoryStatus(control, told.id, 'done', T0)
    const story = volunteerStory(control, member(), 'Next year')
    expect(story.id).not.toBe(told.id)
    expect(byId(control, told.id).storytellerId).toBeNull()
  })

  it('refuses a new story past the queue limit, but still answers a member who already has one', () => {
    const control = fresh()
    const pats = volunteerStory(control, member(), 'Roofs')
    while (control.stories.length < CONTROL_LIMITS.storiesMax) addStory(control, newStoryInput())
    expect(refusal(() => volunteerStory(control, member({ id: 'bea', city: 'Braga' }), 'x')).code).toBe('invalid')
    expect(volunteerStory(control, member(), 'Roofs').id).toBe(pats.id)
  })
})

describe('timeRecords of the stories', () => {
  it('plans slot plus Q&A and counts both clocks as actual time', () => {
    const control = fresh()
    const [first, , lodz] = [storyAt(control, 0), storyAt(control, 1), storyAt(control, 2)]
    setStoryStatus(control, first.id, 'telling', T0)
    setStoryStatus(control, first.id, 'qa', T0 + 11 * MIN)
    const records = timeRecords(control, T0 + 11 * MIN + 3.5 * MIN).filter((r) => r.kind === 'story')
    expect(records).toEqual([
      { kind: 'story', id: first.id, title: 'Ghent: Green roofs', plannedMinutes: 15, actualMinutes: 14.5 },
      expect.objectContaining({ title: 'Turku: Cool schoolyards', plannedMinutes: 15, actualMinutes: 0 }),
      { kind: 'story', id: lodz.id, title: 'Lodz: story', plannedMinutes: 15, actualMinutes: 0 },
    ])
  })
})
