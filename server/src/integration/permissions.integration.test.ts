import { afterEach, describe, expect, it } from 'vitest'
import type { Ack, Action, ClientEventName, Role, StoryNotes } from '@harvest/shared'
import { PERMISSIONS, ROLES, can, clientEventSchemas } from '@harvest/shared'
import { joinAs } from '../testing/api'
import { disposeAll } from '../testing/cleanup'
import { connectSocket, request, type TestSocket } from '../testing/clients'
import { controlledTime, createSessionWithCities, recordControl, syncState } from '../testing/controlWorld'
import { startTestServer } from '../testing/testServer'

afterEach(disposeAll)

/** What the facilitation team wrote privately about Turku's story; nobody else may ever see it. */
const TURKU_SECRET = 'Turku: the budget was cut in March'

interface Actor {
  memberId: string
  token: string
  client: TestSocket
}

/**
 * A session with one person of every role, all connected: Fran (facilitator, the lead), Flo (a
 * second facilitator), Hana (harvester), Pat (participant from Ghent) and Olli (observer).
 * Ghent's and Turku's stories are queued and unclaimed; Turku's has private notes.
 */
async function world() {
  const time = controlledTime()
  const server = await startTestServer({ now: time.now })
  const { url } = server
  const created = await createSessionWithCities(url)
  const [flo, hana, pat, olli] = await Promise.all([
    joinAs(url, created, 'facilitator', { name: 'Flo' }),
    joinAs(url, created, 'harvester', { name: 'Hana' }),
    joinAs(url, created, 'participant', { name: 'Pat', city: 'Ghent', cityKind: 'pilot' }),
    joinAs(url, created, 'observer', { name: 'Olli' }),
  ])
  const people = [
    { memberId: created.member.id, token: created.memberToken },
    { memberId: flo.member.id, token: flo.memberToken },
    { memberId: hana.member.id, token: hana.memberToken },
    { memberId: pat.member.id, token: pat.memberToken },
    { memberId: olli.member.id, token: olli.memberToken },
  ]
  const [fran, coFacilitator, harvester, participant, observer] = await Promise.all(
    people.map(async (p): Promise<Actor> => ({ ...p, client: await connectSocket(url, p.token) })),
  )
  const control = fran!.client.welcome.control
  const storyOf = (city: string) => control.stories.find((s) => s.city === city)!.id
  const w = {
    time,
    server,
    created,
    /** One actor per role; the facilitator is the lead. */
    as: { facilitator: fran!, harvester: harvester!, participant: participant!, observer: observer! } satisfies Record<Role, Actor>,
    coFacilitator: coFacilitator!,
    itemIds: control.agenda.map((item) => item.id),
    ghent: storyOf('Ghent'),
    turku: storyOf('Turku'),
  }
  expect(control.leadId).toBe(fran!.memberId)
  expect(await request(fran!.client.socket, 'notes:save', { storyId: w.turku, notes: { learnings: TURKU_SECRET } })).toMatchObject({ ok: true })
  return w
}
type World = Awaited<ReturnType<typeof world>>

/** Everything a refused request must leave as it was, as a facilitator sees it. */
async function snapshot(via: Actor) {
  const state = await syncState(via.client.socket)
  const notes: Record<string, StoryNotes | string> = {}
  for (const story of state.control.stories) {
    const ack = await request(via.client.socket, 'notes:get', { storyId: story.id })
    notes[story.id] = ack.ok ? ack.data : ack.error
  }
  return { control: state.control, members: state.members, invites: state.invites, notes }
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>

const story = (s: Snapshot, id: string) => s.control.stories.find((st) => st.id === id)
const member = (s: Snapshot, id: string) => s.members.find((m) => m.id === id)

interface Case {
  event: ClientEventName
  action: Action
  payload: (w: World) => unknown
  /** Roles that may send it (the facilitator being the lead); each is tried in a fresh session. */
  allowed: Role[]
  refused: Role[]
  /** What the allowed request changed. */
  effect: (after: Snapshot, before: Snapshot, ack: Ack<unknown>, w: World) => void
}

const everyoneBut = (...roles: Role[]) => ROLES.filter((role) => !roles.includes(role))
const data = <T>(ack: Ack<unknown>) => (ack.ok ? (ack.data as T) : null)

const CASES: Case[] = [
  {
    event: 'agenda:add',
    action: 'agenda:edit',
    payload: () => ({ title: 'Coffee break', phase: 'none', kind: 'plenary', plannedMinutes: 15, prompt: '' }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, before, ack) => {
      expect(after.control.agenda).toHaveLength(before.control.agenda.length + 1)
      expect(after.control.agenda.at(-1)).toMatchObject({ id: data<{ id: string }>(ack)?.id, title: 'Coffee break' })
    },
  },
  {
    event: 'agenda:update',
    action: 'agenda:edit',
    payload: (w) => ({ id: w.itemIds[1], title: 'Check-in round' }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after) => expect(after.control.agenda[1]?.title).toBe('Check-in round'),
  },
  {
    event: 'agenda:remove',
    action: 'agenda:edit',
    payload: (w) => ({ id: w.itemIds[1] }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, before, _, w) => {
      expect(after.control.agenda.map((i) => i.id)).toEqual(before.control.agenda.map((i) => i.id).filter((id) => id !== w.itemIds[1]))
    },
  },
  {
    event: 'agenda:move',
    action: 'agenda:edit',
    payload: (w) => ({ id: w.itemIds[0], toIndex: 3 }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, _, __, w) => expect(after.control.agenda[3]?.id).toBe(w.itemIds[0]),
  },
  {
    event: 'settings:update',
    action: 'agenda:edit',
    payload: () => ({ endsAt: '13:00', chime: true }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after) => expect(after.control).toMatchObject({ startsAt: '10:00', endsAt: '13:00', chime: true }),
  },
  {
    event: 'agenda:goto',
    action: 'session:drive',
    payload: () => ({ step: 1 }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, _, __, w) => expect(after.control.currentItemId).toBe(w.itemIds[1]),
  },
  {
    event: 'clock:command',
    action: 'session:drive',
    payload: (w) => ({ target: { kind: 'item', id: w.itemIds[0] }, command: { op: 'start' } }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, _, __, w) => expect(after.control.agenda[0]?.clock.runningSince).toBe(w.time.now()),
  },
  {
    event: 'story:status',
    action: 'session:drive',
    payload: (w) => ({ id: w.turku, status: 'telling' }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, _, __, w) => {
      expect(story(after, w.turku)).toMatchObject({ status: 'telling', tellClock: { runningSince: w.time.now() } })
      expect(after.control.currentStoryId).toBe(w.turku)
    },
  },
  {
    event: 'story:add',
    action: 'stories:edit',
    payload: () => ({ city: 'Braga', storytellerId: null, storytellerName: 'Bea', title: 'Bike lanes', slotMinutes: 8, qaMinutes: 4 }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, before, ack) => {
      expect(after.control.stories).toHaveLength(before.control.stories.length + 1)
      expect(story(after, data<{ id: string }>(ack)?.id ?? '')).toMatchObject({ city: 'Braga', title: 'Bike lanes', status: 'queued' })
    },
  },
  {
    event: 'story:update',
    action: 'stories:edit',
    payload: (w) => ({ id: w.turku, title: 'Shady schoolyards' }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, _, __, w) => expect(story(after, w.turku)?.title).toBe('Shady schoolyards'),
  },
  {
    event: 'story:remove',
    action: 'stories:edit',
    payload: (w) => ({ id: w.turku }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, _, __, w) => expect(story(after, w.turku)).toBeUndefined(),
  },
  {
    event: 'story:move',
    action: 'stories:edit',
    payload: (w) => ({ id: w.turku, toIndex: 0 }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, _, __, w) => expect(after.control.stories.map((s) => s.id)).toEqual([w.turku, w.ghent]),
  },
  {
    event: 'notes:get',
    action: 'notes:read',
    payload: (w) => ({ storyId: w.turku }),
    allowed: ['facilitator', 'harvester'],
    refused: ['participant', 'observer'],
    effect: (_, __, ack) => expect(data<StoryNotes>(ack)?.learnings).toBe(TURKU_SECRET),
  },
  {
    event: 'notes:save',
    action: 'notes:write',
    payload: (w) => ({ storyId: w.turku, notes: { plans: 'More shade' } }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, _, __, w) => expect(after.notes[w.turku]).toMatchObject({ learnings: TURKU_SECRET, plans: 'More shade' }),
  },
  {
    event: 'member:setRole',
    action: 'people:manage',
    // Refused for the participant, this is Pat trying to make themself a facilitator.
    payload: (w) => ({ memberId: w.as.participant.memberId, role: 'facilitator' }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, _, __, w) => expect(member(after, w.as.participant.memberId)?.role).toBe('facilitator'),
  },
  {
    event: 'member:rename',
    action: 'people:manage',
    payload: (w) => ({ memberId: w.as.participant.memberId, name: 'Patricia' }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, _, __, w) => expect(member(after, w.as.participant.memberId)?.name).toBe('Patricia'),
  },
  {
    event: 'member:remove',
    action: 'people:manage',
    payload: (w) => ({ memberId: w.as.participant.memberId }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, before, _, w) => {
      expect(member(after, w.as.participant.memberId)).toBeUndefined()
      expect(after.members).toHaveLength(before.members.length - 1)
    },
  },
  {
    event: 'invite:rotate',
    action: 'people:manage',
    payload: () => ({ role: 'participant' }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, before, ack) => {
      const token = (s: Snapshot, role: Role) => s.invites?.find((i) => i.role === role)?.token
      expect(token(after, 'participant')).toBe(data<{ token: string }>(ack)?.token)
      expect(token(after, 'participant')).not.toBe(token(before, 'participant'))
      expect(token(after, 'observer')).toBe(token(before, 'observer'))
    },
  },
  {
    event: 'lead:set',
    action: 'lead:set',
    payload: (w) => ({ memberId: w.coFacilitator.memberId }),
    allowed: ['facilitator'],
    refused: everyoneBut('facilitator'),
    effect: (after, _, __, w) => expect(after.control.leadId).toBe(w.coFacilitator.memberId),
  },
  {
    event: 'story:volunteer',
    action: 'stories:volunteer',
    payload: () => ({ title: 'Roofs that cool the street' }),
    allowed: ['participant'],
    refused: everyoneBut('participant'),
    effect: (after, _, ack, w) => {
      expect(data<{ id: string }>(ack)?.id).toBe(w.ghent)
      expect(story(after, w.ghent)).toMatchObject({ storytellerId: w.as.participant.memberId, storytellerName: 'Pat', title: 'Roofs that cool the street' })
    },
  },
]

/** The permissions of session control and the events each one guards. */
const GUARDED_EVENTS: Partial<Record<Action, ClientEventName[]>> = {
  'agenda:edit': ['agenda:add', 'agenda:update', 'agenda:remove', 'agenda:move', 'settings:update'],
  'session:drive': ['agenda:goto', 'clock:command', 'story:status'],
  'stories:edit': ['story:add', 'story:update', 'story:remove', 'story:move'],
  'notes:read': ['notes:get'],
  'notes:write': ['notes:save'],
  'people:manage': ['member:setRole', 'member:rename', 'member:remove', 'invite:rotate'],
  'lead:set': ['lead:set'],
  'stories:volunteer': ['story:volunteer'],
}

describe('the permission table', () => {
  it('has one row for every session control event, under the permission that guards it', () => {
    const rows = Object.fromEntries(Object.keys(GUARDED_EVENTS).map((action) => [action, CASES.filter((c) => c.action === action).map((c) => c.event)]))
    expect(rows).toEqual(GUARDED_EVENTS)
    expect(CASES).toHaveLength(Object.values(GUARDED_EVENTS).flat().length)
    for (const action of Object.keys(GUARDED_EVENTS)) expect(PERMISSIONS).toHaveProperty([action])
    for (const c of CASES) expect(clientEventSchemas).toHaveProperty([c.event])
  })

  it.each(CASES.map((c) => [c.event, c] as const))('%s: the roles tried here are the roles of the table', (_, c) => {
    expect(c.refused).toEqual(ROLES.filter((role) => !can(role, c.action)))
    for (const role of c.allowed) expect(can(role, c.action)).toBe(true)
  })
})

describe.each(CASES.map((c) => [c.event, c] as const))("'%s'", (_, c) => {
  it.each(c.allowed)(`is allowed to the %s (${c.action})`, async (role) => {
    const w = await world()
    const before = await snapshot(w.as.facilitator)
    const ack = await request(w.as[role].client.socket, c.event, c.payload(w))
    expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true })
    c.effect(await snapshot(w.as.facilitator), before, ack, w)
  })

  it.each(c.refused)('is refused to the %s, and nothing changes', async (role) => {
    const w = await world()
    const fran = recordControl(w.as.facilitator.client.socket)
    const before = await snapshot(w.as.facilitator)
    const ack = await request(w.as[role].client.socket, c.event, c.payload(w))
    expect(ack).toEqual({ ok: false, error: 'forbidden', message: expect.any(String) })
    expect(JSON.stringify(ack)).not.toContain(TURKU_SECRET)
    expect(await snapshot(w.as.facilitator)).toEqual(before)
    expect(fran.sequence).toEqual([]) // nothing was broadcast either
    expect(w.as[role].client.socket.connected).toBe(true)
  })
})

describe('storytellers and their notes', () => {
  it('a storyteller reads and writes the notes of their own story, and no other', async () => {
    const w = await world()
    const pat = w.as.participant.client.socket
    expect(await request(pat, 'story:volunteer', { title: 'Roofs' })).toMatchObject({ ok: true, data: { id: w.ghent } })

    const saved = await request(pat, 'notes:save', { storyId: w.ghent, notes: { milestones: 'First roof planted' } })
    expect(saved).toMatchObject({ ok: true, data: { milestones: 'First roof planted', learnings: '' } })
    expect(await request(pat, 'notes:get', { storyId: w.ghent })).toMatchObject({ ok: true, data: { milestones: 'First roof planted' } })
    expect(await request(w.as.harvester.client.socket, 'notes:get', { storyId: w.ghent })).toMatchObject({
      ok: true,
      data: { milestones: 'First roof planted' },
    })

    const before = await snapshot(w.as.facilitator)
    expect(await request(pat, 'notes:get', { storyId: w.turku })).toMatchObject({ ok: false, error: 'forbidden' })
    expect(await request(pat, 'notes:save', { storyId: w.turku, notes: { learnings: 'overwritten' } })).toMatchObject({ ok: false, error: 'forbidden' })
    expect(await request(w.as.observer.client.socket, 'notes:get', { storyId: w.ghent })).toMatchObject({ ok: false, error: 'forbidden' })
    expect(await snapshot(w.as.facilitator)).toEqual(before)
  })
})

describe('the lead', () => {
  const DRIVE: Array<[ClientEventName, (w: World) => unknown]> = [
    ['agenda:goto', () => ({ step: 1 })],
    ['clock:command', (w) => ({ target: { kind: 'item', id: w.itemIds[0] }, command: { op: 'start' } })],
    ['story:status', (w) => ({ id: w.ghent, status: 'telling' })],
  ]

  it('a facilitator without the lead cannot drive until they take it; then the old lead cannot', async () => {
    const w = await world()
    const flo = w.coFacilitator.client.socket
    const fran = w.as.facilitator.client.socket

    const before = await snapshot(w.as.facilitator)
    for (const [event, payload] of DRIVE) {
      expect(await request(flo, event, payload(w)), event).toEqual({ ok: false, error: 'forbidden', message: expect.stringMatching(/lead/) })
    }
    expect(await snapshot(w.as.facilitator)).toEqual(before)

    expect(await request(flo, 'lead:set', { memberId: w.coFacilitator.memberId })).toEqual({ ok: true, data: null })
    expect((await syncState(fran)).control.leadId).toBe(w.coFacilitator.memberId)
    for (const [event, payload] of DRIVE) expect(await request(flo, event, payload(w)), event).toMatchObject({ ok: true })
    const afterFlo = await snapshot(w.as.facilitator)
    expect(afterFlo.control.currentItemId).toBe(w.itemIds[1])

    for (const [event, payload] of DRIVE) {
      expect(await request(fran, event, payload(w)), event).toMatchObject({ ok: false, error: 'forbidden' })
    }
    expect(await snapshot(w.as.facilitator)).toEqual(afterFlo)
    // Editing the agenda is not driving: it needs no lead.
    expect(await request(fran, 'agenda:update', { id: w.itemIds[2], title: 'Stories' })).toMatchObject({ ok: true })
  })

  it('only a facilitator can receive the lead', async () => {
    const w = await world()
    const before = await snapshot(w.as.facilitator)
    const ack = await request(w.as.facilitator.client.socket, 'lead:set', { memberId: w.as.participant.memberId })
    expect(ack).toMatchObject({ ok: false, error: 'invalid' })
    expect(await snapshot(w.as.facilitator)).toEqual(before)
  })

  it('demoting the lead frees the lead, and the next facilitator to drive takes it', async () => {
    const w = await world()
    const flo = w.coFacilitator.client.socket
    expect(await request(flo, 'member:setRole', { memberId: w.as.facilitator.memberId, role: 'harvester' })).toMatchObject({ ok: true })
    expect((await syncState(flo)).control.leadId).toBeNull()
    expect(await request(flo, 'agenda:goto', { step: 1 })).toMatchObject({ ok: true })
    expect((await syncState(flo)).control).toMatchObject({ leadId: w.coFacilitator.memberId, currentItemId: w.itemIds[1] })
  })
})

describe('people management guards', () => {
  it('the last facilitator cannot be demoted', async () => {
    const w = await world()
    const fran = w.as.facilitator.client.socket
    expect(await request(fran, 'member:setRole', { memberId: w.coFacilitator.memberId, role: 'participant' })).toMatchObject({ ok: true })

    const before = await snapshot(w.as.facilitator)
    for (const role of ['participant', 'harvester', 'observer'] as const) {
      const ack = await request(fran, 'member:setRole', { memberId: w.as.facilitator.memberId, role })
      expect(ack).toEqual({ ok: false, error: 'conflict', message: expect.stringMatching(/at least one facilitator/) })
    }
    expect(await snapshot(w.as.facilitator)).toEqual(before)
    expect((await syncState(fran)).you.role).toBe('facilitator')
  })

  it('a facilitator cannot remove themselves', async () => {
    const w = await world()
    const fran = w.as.facilitator.client.socket
    const before = await snapshot(w.as.facilitator)
    const ack = await request(fran, 'member:remove', { memberId: w.as.facilitator.memberId })
    expect(ack).toEqual({ ok: false, error: 'invalid', message: 'you cannot remove yourself' })
    expect(await snapshot(w.as.facilitator)).toEqual(before)
    expect(fran.connected).toBe(true)
  })
})

describe('ids from another session', () => {
  it('are refused as not_found exactly like made-up ids, leak nothing and change nothing in either session', async () => {
    const w = await world()
    const { url } = w.server
    // Session B on the same server, with its own people, agenda, story and private notes.
    const b = await createSessionWithCities(url, [{ name: 'Porto', kind: 'pilot', project: 'Secret project B' }], 'Bruno B')
    const bea = await joinAs(url, b, 'participant', { name: 'Bea B', city: 'Porto', cityKind: 'pilot' })
    const bruno: Actor = { memberId: b.member.id, token: b.memberToken, client: await connectSocket(url, b.memberToken) }
    const bControl = bruno.client.welcome.control
    const bItem = bControl.agenda[1]!.id
    const bStory = bControl.stories[0]!.id
    const B_SECRET = 'Porto: private learning of session B'
    expect(await request(bruno.client.socket, 'notes:save', { storyId: bStory, notes: { learnings: B_SECRET } })).toMatchObject({ ok: true })
    const bLog = recordControl(bruno.client.socket)
    const bBefore = await snapshot(bruno)
    const aBefore = await snapshot(w.as.facilitator)

    const attempts: Array<[ClientEventName, (id: { member: string; lead: string; item: string; story: string }) => unknown]> = [
      ['member:setRole', (id) => ({ memberId: id.member, role: 'observer' })],
      ['member:rename', (id) => ({ memberId: id.member, name: 'Hacked' })],
      ['member:remove', (id) => ({ memberId: id.member })],
      ['lead:set', (id) => ({ memberId: id.lead })],
      ['agenda:add', (id) => ({ title: 'Injected', phase: 'none', kind: 'plenary', plannedMinutes: 5, prompt: '', afterId: id.item })],
      ['agenda:update', (id) => ({ id: id.item, title: 'Hacked' })],
      ['agenda:remove', (id) => ({ id: id.item })],
      ['agenda:move', (id) => ({ id: id.item, toIndex: 0 })],
      ['agenda:goto', (id) => ({ id: id.item })],
      ['clock:command', (id) => ({ target: { kind: 'item', id: id.item }, command: { op: 'start' } })],
      ['clock:command', (id) => ({ target: { kind: 'story', id: id.story, part: 'tell' }, command: { op: 'start' } })],
      ['story:add', (id) => ({ city: 'Porto', storytellerId: null, storytellerName: '', title: 'x', slotMinutes: 5, qaMinutes: 0, afterId: id.story })],
      ['story:update', (id) => ({ id: id.story, title: 'Hacked' })],
      ['story:remove', (id) => ({ id: id.story })],
      ['story:move', (id) => ({ id: id.story, toIndex: 0 })],
      ['story:status', (id) => ({ id: id.story, status: 'telling' })],
      ['notes:get', (id) => ({ storyId: id.story })],
      ['notes:save', (id) => ({ storyId: id.story, notes: { learnings: 'overwritten' } })],
    ]
    const fromB = { member: bea.member.id, lead: b.member.id, item: bItem, story: bStory }
    const madeUp = { member: 'made-up-member', lead: 'made-up-lead', item: 'made-up-item', story: 'made-up-story' }
    const fran = w.as.facilitator.client.socket
    for (const [event, payload] of attempts) {
      const ack = await request(fran, event, payload(fromB))
      expect(ack, event).toEqual({ ok: false, error: 'not_found', message: expect.any(String) })
      expect(await request(fran, event, payload(madeUp)), event).toEqual(ack)
      for (const secret of [B_SECRET, 'Secret project B', 'Bea B', 'Bruno B', 'Porto']) expect(JSON.stringify(ack)).not.toContain(secret)
    }

    expect(await snapshot(bruno)).toEqual(bBefore)
    expect(await snapshot(w.as.facilitator)).toEqual(aBefore)
    expect(bLog.sequence).toEqual([])
  })
})
