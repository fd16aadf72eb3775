import { afterEach, describe, expect, it } from 'vitest'
import type { Card } from '@harvest/shared'
import { BOARD_CLOSE, PLENARY_AREA, addCard, editCardText, getCard, listCards, storyArea } from '@harvest/shared'
import { joinAs } from '../testing/api'
import { accepted } from '../testing/acks'
import { boardOfThree, cardBy, cardIds, recordBoardSession } from '../testing/boardWorld'
import { disposeAll } from '../testing/cleanup'
import { connectSocket, request, type TestBoard } from '../testing/clients'
import { recordControl } from '../testing/controlWorld'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

/** The people of `boardOfThree`, each with session control open too, and everything the server sends them recorded. */
async function boardSession() {
  const world = await boardOfThree()
  const person = async (token: string, board: TestBoard) => {
    const connected = await connectSocket(world.url, token)
    return { ...connected, board, log: recordBoardSession(connected.socket), control: recordControl(connected.socket) }
  }
  const { fran, ann, bob } = world.boards
  const people = { fran: await person(world.created.memberToken, fran), ann: await person(world.ann.memberToken, ann), bob: await person(world.bob.memberToken, bob) }
  return { ...world, people }
}

type Session = Awaited<ReturnType<typeof boardSession>>

/** Waits until a card is on the server and on every open board, and returns it as the server has it. */
async function everywhere(world: Session, cardId: string, until: (card: Card) => boolean = () => true): Promise<Card> {
  return waitFor(
    async () => {
      const onServer = getCard(await world.board(), cardId)
      const same = Object.values(world.people).every((p) => JSON.stringify(getCard(p.board.doc, cardId)) === JSON.stringify(onServer))
      return onServer && same && until(onServer) ? onServer : null
    },
    5_000,
    `card ${cardId} everywhere`,
  )
}

/**
 * A broadcast everyone receives (the facilitator starts and stops following), sent after what
 * is being checked: once it arrived, anything sent before it has arrived too.
 */
async function roundTrip(world: Session): Promise<void> {
  const seen = Object.values(world.people).map((p) => p.control.controlStates.length)
  accepted(await request(world.people.fran.socket, 'follow:set', { area: PLENARY_AREA }))
  accepted(await request(world.people.fran.socket, 'follow:set', { area: null }))
  await waitFor(() => Object.values(world.people).every((p, i) => p.control.controlStates.length >= seen[i]! + 2), 5_000, 'round trip')
}

const draft = (text: string) => ({ text, area: PLENARY_AREA, kind: 'insight' as const })

describe('private writing', () => {
  it("keeps a participant's drafts from everyone else, on sockets and on the board", async () => {
    const world = await boardSession()
    const { people } = world
    accepted(await request(people.fran.socket, 'board:mode', { privateWriting: true }))

    const annDraft = accepted(await request(people.ann.socket, 'draft:save', draft('Heat pumps need installers first')))
    expect(annDraft).toMatchObject({ text: 'Heat pumps need installers first', kind: 'insight', area: PLENARY_AREA, levers: [], domains: [] })
    const annEdited = accepted(await request(people.ann.socket, 'draft:save', { ...draft('Heat pumps need trained installers'), id: annDraft.id }))
    expect(annEdited.id).toBe(annDraft.id)
    const bobDraft = accepted(await request(people.bob.socket, 'draft:save', draft('Schoolyards cool whole streets')))

    expect(accepted(await request(people.ann.socket, 'drafts:list', {}))).toEqual([annEdited])
    expect(accepted(await request(people.bob.socket, 'drafts:list', {}))).toEqual([bobDraft])
    expect(accepted(await request(people.fran.socket, 'drafts:list', {}))).toEqual([])

    await roundTrip(world)
    const received = (p: keyof typeof people) => JSON.stringify(people[p].log.all)
    for (const text of ['installers', annDraft.id]) {
      expect(received('bob')).not.toContain(text)
      expect(received('fran')).not.toContain(text)
    }
    expect(received('ann')).not.toContain('Schoolyards')
    expect(listCards(await world.board())).toEqual([])
    expect(Object.values(people).map((p) => cardIds(p.board.doc))).toEqual([[], [], []])
  })

  it('refuses a participant’s card sent straight to the board while private writing is on; facilitators still write', async () => {
    const world = await boardSession()
    const { ann, people } = world
    accepted(await request(people.fran.socket, 'board:mode', { privateWriting: true }))
    addCard(people.ann.board.doc, cardBy(ann.member, 'bypass', 'Sent around the drafts'))
    await waitFor(() => people.ann.board.closed, 5_000, 'the refusal')
    expect(people.ann.board.closed).toEqual({
      code: BOARD_CLOSE.refused.code,
      reason: 'private writing is on: your cards stay private until the facilitator reveals them',
    })
    addCard(people.fran.board.doc, cardBy(world.created.member, 'open', 'The facilitator writes openly'))
    await everywhere({ ...world, people: { fran: people.fran, bob: people.bob } } as Session, 'open')
    expect(cardIds(await world.board())).toEqual(['open'])
    expect(cardIds(people.bob.board.doc)).toEqual(['open'])
  })

  it('reveal puts every draft on the board under its author’s name, and empties the drafts', async () => {
    const world = await boardSession()
    const { ann, bob, people } = world
    accepted(await request(people.fran.socket, 'board:mode', { privateWriting: true }))
    accepted(await request(people.ann.socket, 'draft:save', draft('Heat pumps need trained installers')))
    accepted(await request(people.ann.socket, 'draft:save', draft('Permits take a year')))
    accepted(await request(people.bob.socket, 'draft:save', { ...draft('Schoolyards cool whole streets'), kind: 'outcome', levers: ['social_innovation'] }))

    expect(accepted(await request(people.fran.socket, 'drafts:reveal', {}))).toEqual({ revealed: 3 })
    const cards = await waitFor(async () => {
      const onServer = listCards(await world.board())
      return onServer.length === 3 && Object.values(people).every((p) => JSON.stringify(listCards(p.board.doc)) === JSON.stringify(onServer)) ? onServer : null
    }, 5_000, 'revealed cards everywhere')
    const byText = (text: string) => cards.find((c) => c.text === text)
    expect(byText('Heat pumps need trained installers')).toMatchObject({ authorId: ann.member.id, authorName: 'Ann', city: 'Ghent', kind: 'insight', area: PLENARY_AREA })
    expect(byText('Permits take a year')).toMatchObject({ authorId: ann.member.id, authorName: 'Ann' })
    expect(byText('Schoolyards cool whole streets')).toMatchObject({ authorId: bob.member.id, authorName: 'Bob', city: 'Turku', kind: 'outcome', levers: ['social_innovation'] })

    await waitFor(() => people.ann.log.drafts.length > 0 && people.bob.log.drafts.length > 0, 5_000, 'authors told their drafts are gone')
    expect([people.ann.log.drafts, people.bob.log.drafts]).toEqual([[[]], [[]]])
    expect(accepted(await request(people.ann.socket, 'drafts:list', {}))).toEqual([])

    // A revealed card is its author's like any other.
    const annCard = byText('Permits take a year')!
    editCardText(people.ann.board.doc, annCard.id, 'Permits take a year, sometimes two')
    await everywhere(world, annCard.id, (c) => c.text === 'Permits take a year, sometimes two')
  })

  it('in anonymous mode reveals under an opaque key with no name, which its author can still edit', async () => {
    const world = await boardSession()
    const { ann, people } = world
    accepted(await request(people.fran.socket, 'board:mode', { privateWriting: true, anonymous: true }))
    const annKey = (await waitFor(() => people.ann.log.youChanged.at(-1), 5_000, 'Ann gets her author key')).authorKey
    expect(annKey).toMatch(/^anon:/)
    accepted(await request(people.ann.socket, 'draft:save', draft('Retrofit loans go unused')))

    expect(accepted(await request(people.fran.socket, 'drafts:reveal', {}))).toEqual({ revealed: 1 })
    const cardId = await waitFor(() => listCards(people.bob.board.doc)[0]?.id, 5_000, 'Bob sees the revealed card')
    const revealed = await everywhere(world, cardId)
    expect(revealed).toMatchObject({ text: 'Retrofit loans go unused', authorId: annKey, authorName: '' })
    expect(JSON.stringify(revealed)).not.toContain(ann.member.id)

    editCardText(people.ann.board.doc, cardId, 'Retrofit loans go unused: too much paperwork')
    await everywhere(world, cardId, (c) => c.text === 'Retrofit loans go unused: too much paperwork')
    expect(people.ann.board.closed).toBeNull()
  })
})

describe('anonymous mode', () => {
  it('gives every member an opaque author key; cards written with it are accepted and stay theirs', async () => {
    const world = await boardSession()
    const { created, ann, bob, people } = world
    accepted(await request(people.fran.socket, 'board:mode', { anonymous: true }))

    const keys = await waitFor(() => {
      const latest = Object.values(people).map((p) => p.log.youChanged.at(-1))
      return latest.every(Boolean) ? latest.map((you) => you!) : null
    }, 5_000, 'everyone told their key')
    expect(keys.map((you) => you.memberId)).toEqual([created.member.id, ann.member.id, bob.member.id])
    expect(keys.map((you) => you.role)).toEqual(['facilitator', 'participant', 'participant'])
    const [, annKey, bobKey] = keys.map((you) => you.authorKey!)
    for (const you of keys) expect(you.authorKey).toMatch(/^anon:/)
    expect(new Set(keys.map((you) => you.authorKey)).size).toBe(3)
    expect(annKey).not.toContain(ann.member.id)
    // A reconnecting screen learns the same key from its welcome.
    const again = await connectSocket(world.url, ann.memberToken)
    expect(again.welcome.you.authorKey).toBe(annKey)

    addCard(people.ann.board.doc, cardBy(ann.member, 'anon-1', 'Nobody needs to know this was me', { authorId: annKey!, authorName: '' }))
    const card = await everywhere(world, 'anon-1')
    expect(card).toMatchObject({ authorId: annKey, authorName: '' })
    editCardText(people.ann.board.doc, 'anon-1', 'Edited by its anonymous author')
    await everywhere(world, 'anon-1', (c) => c.text === 'Edited by its anonymous author')

    // Bob's key is not Ann's: he cannot change her card.
    expect(bobKey).not.toBe(annKey)
    editCardText(people.bob.board.doc, 'anon-1', 'Bob was here')
    await waitFor(() => people.bob.board.closed, 5_000, "Bob's board closed")
    expect(people.bob.board.closed).toEqual({ code: BOARD_CLOSE.refused.code, reason: 'you can only change your own cards' })
    expect(getCard(await world.board(), 'anon-1')?.text).toBe('Edited by its anonymous author')
    expect(getCard(people.fran.board.doc, 'anon-1')?.text).toBe('Edited by its anonymous author')
  })

  it('switching it off gives everyone their member id back as author key', async () => {
    const { created, ann, people } = await boardSession()
    accepted(await request(people.fran.socket, 'board:mode', { anonymous: true }))
    await waitFor(() => people.ann.log.youChanged.length === 1, 5_000, 'key')
    accepted(await request(people.fran.socket, 'board:mode', { anonymous: false }))
    await waitFor(() => people.ann.log.youChanged.length === 2 && people.fran.log.youChanged.length === 2, 5_000, 'keys back')
    expect(people.ann.log.youChanged[1]?.authorKey).toBe(ann.member.id)
    expect(people.fran.log.youChanged[1]?.authorKey).toBe(created.member.id)
  })

  it("refuses a participant's attempt to switch modes", async () => {
    const { people } = await boardSession()
    const ack = await request(people.ann.socket, 'board:mode', { anonymous: true })
    expect(ack).toMatchObject({ ok: false, error: 'forbidden' })
    const state = accepted(await request(people.fran.socket, 'session:sync', {}))
    expect(state.control.boardMode).toMatchObject({ anonymous: false, privateWriting: false })
    expect(state.you.authorKey).toBe(state.you.memberId)
  })
})

describe('dot votes', () => {
  /** Cards by Ann and Bob on the plenary board, and one of Ann's in a story's area. */
  async function votingSession() {
    const world = await boardSession()
    const { ann, bob, people } = world
    addCard(people.ann.board.doc, cardBy(ann.member, 'a1', 'Ann’s idea'))
    addCard(people.bob.board.doc, cardBy(bob.member, 'b1', 'Bob’s idea'))
    addCard(people.ann.board.doc, cardBy(ann.member, 's1', 'From the Ghent story', { area: storyArea('ghent') }))
    await Promise.all(['a1', 'b1', 's1'].map((id) => everywhere(world, id)))
    return world
  }

  it('a hidden vote shows nobody the totals while open, refuses dots over budget, and shows everyone the same totals once closed', async () => {
    const world = await votingSession()
    const { people } = world
    const opened = accepted(await request(people.fran.socket, 'vote:open', { area: null, budget: 2, hidden: true }))
    expect(opened).toMatchObject({ status: 'open', hidden: true, budget: 2, totals: null, voters: 0 })

    expect(accepted(await request(people.ann.socket, 'vote:cast', { cardId: 'a1', delta: 1 }))).toMatchObject({ mine: { a1: 1 }, totals: null })
    expect(accepted(await request(people.ann.socket, 'vote:cast', { cardId: 'b1', delta: 1 }))).toMatchObject({ mine: { a1: 1, b1: 1 }, totals: null })
    expect(await request(people.ann.socket, 'vote:cast', { cardId: 'b1', delta: 1 })).toEqual({
      ok: false,
      error: 'invalid',
      message: 'you have placed all 2 of your dots: take one back first',
    })
    accepted(await request(people.bob.socket, 'vote:cast', { cardId: 'a1', delta: 1 }))
    accepted(await request(people.fran.socket, 'vote:cast', { cardId: 'a1', delta: 1 }))

    await waitFor(() => Object.values(people).every((p) => p.log.votes.at(-1)?.voters === 3), 5_000, 'everyone hears of three voters')
    for (const p of Object.values(people)) {
      expect(p.log.votes.length).toBeGreaterThan(1)
      for (const view of p.log.votes) expect(view).toMatchObject({ status: 'open', totals: null })
    }
    expect(people.bob.log.votes.at(-1)?.mine).toEqual({ a1: 1 })

    const closed = accepted(await request(people.fran.socket, 'vote:close', {}))
    expect(closed).toMatchObject({ status: 'closed', totals: { a1: 3, b1: 1 } })
    await waitFor(() => Object.values(people).every((p) => p.log.votes.at(-1)?.status === 'closed'), 5_000, 'everyone hears it closed')
    for (const p of Object.values(people)) expect(p.log.votes.at(-1)).toMatchObject({ totals: { a1: 3, b1: 1 }, voters: 3 })
    expect(people.ann.log.votes.at(-1)?.mine).toEqual({ a1: 1, b1: 1 })
    expect(people.bob.log.votes.at(-1)?.mine).toEqual({ a1: 1 })

    expect(await request(people.bob.socket, 'vote:cast', { cardId: 'b1', delta: 1 })).toMatchObject({ ok: false, error: 'conflict' })
    // Someone arriving after the vote closed sees the results too.
    const late = await connectSocket(world.url, world.bob.memberToken)
    expect(late.welcome.vote).toMatchObject({ status: 'closed', totals: { a1: 3, b1: 1 }, mine: { a1: 1 } })
  })

  it('a live vote shows everyone the totals as they change', async () => {
    const { people } = await votingSession()
    accepted(await request(people.fran.socket, 'vote:open', { area: null, budget: 3, hidden: false }))

    accepted(await request(people.ann.socket, 'vote:cast', { cardId: 'b1', delta: 1 }))
    await waitFor(() => people.bob.log.votes.at(-1)?.totals?.b1 === 1, 5_000, 'Bob sees Ann’s dot')
    accepted(await request(people.bob.socket, 'vote:cast', { cardId: 'a1', delta: 1 }))
    accepted(await request(people.bob.socket, 'vote:cast', { cardId: 'a1', delta: 1 }))
    await waitFor(() => people.ann.log.votes.at(-1)?.totals?.a1 === 2, 5_000, 'Ann sees Bob’s dots')
    accepted(await request(people.bob.socket, 'vote:cast', { cardId: 'a1', delta: -1 }))
    await waitFor(() => Object.values(people).every((p) => p.log.votes.at(-1)?.totals?.a1 === 1), 5_000, 'everyone sees the dot taken back')
    for (const p of Object.values(people)) expect(p.log.votes.at(-1)).toMatchObject({ status: 'open', totals: { a1: 1, b1: 1 }, voters: 2 })
    expect(people.bob.log.votes.at(-1)?.mine).toEqual({ a1: 1 })
    expect(people.fran.log.votes.at(-1)?.mine).toEqual({})
  })

  it("refuses a dot on a card outside the vote's area", async () => {
    const { people } = await votingSession()
    accepted(await request(people.fran.socket, 'vote:open', { area: storyArea('ghent'), budget: 3, hidden: false }))
    expect(await request(people.bob.socket, 'vote:cast', { cardId: 'a1', delta: 1 })).toEqual({
      ok: false,
      error: 'invalid',
      message: 'this card is outside the area being voted on',
    })
    expect(accepted(await request(people.bob.socket, 'vote:cast', { cardId: 's1', delta: 1 }))).toMatchObject({ mine: { s1: 1 }, totals: { s1: 1 } })
    expect(await request(people.bob.socket, 'vote:cast', { cardId: 'no-such-card', delta: 1 })).toMatchObject({ ok: false, error: 'not_found' })
  })

  it('refuses a participant opening or closing a vote', async () => {
    const { people } = await votingSession()
    expect(await request(people.ann.socket, 'vote:open', { area: null, budget: 3, hidden: false })).toMatchObject({ ok: false, error: 'forbidden' })
    accepted(await request(people.fran.socket, 'vote:open', { area: null, budget: 3, hidden: true }))
    expect(await request(people.ann.socket, 'vote:close', {})).toMatchObject({ ok: false, error: 'forbidden' })
    expect(accepted(await request(people.ann.socket, 'vote:cast', { cardId: 'a1', delta: 1 })).totals).toBeNull()
  })
})

describe('follow me', () => {
  it("broadcasts the facilitator's area to everyone, and stops when set to null", async () => {
    const world = await boardSession()
    const { created, people } = world
    const olly = await joinAs(world.url, created, 'observer', { name: 'Olly' })
    const observer = await connectSocket(world.url, olly.memberToken)
    const watching = [...Object.values(people).map((p) => p.control), recordControl(observer.socket)]

    accepted(await request(people.fran.socket, 'follow:set', { area: storyArea('ghent') }))
    const follow = { area: storyArea('ghent'), by: created.member.id }
    await waitFor(() => watching.every((log) => log.controlStates.at(-1)?.control.boardMode.follow?.area === follow.area), 5_000, 'everyone follows')
    for (const log of watching) expect(log.controlStates.at(-1)?.control.boardMode.follow).toEqual(follow)

    accepted(await request(people.fran.socket, 'follow:set', { area: null }))
    await waitFor(() => watching.every((log) => log.controlStates.at(-1)?.control.boardMode.follow === null), 5_000, 'everyone stops following')
  })

  it("refuses a participant's follow:set and leaves the view as it was", async () => {
    const { people } = await boardSession()
    accepted(await request(people.fran.socket, 'follow:set', { area: PLENARY_AREA }))
    await waitFor(() => people.ann.control.controlStates.length === 1, 5_000, 'Ann follows')

    expect(await request(people.ann.socket, 'follow:set', { area: storyArea('ghent') })).toMatchObject({ ok: false, error: 'forbidden' })
    expect(await request(people.ann.socket, 'follow:set', { area: null })).toMatchObject({ ok: false, error: 'forbidden' })
    const state = accepted(await request(people.bob.socket, 'session:sync', {}))
    expect(state.control.boardMode.follow?.area).toBe(PLENARY_AREA)
    expect(people.bob.control.controlStates).toHaveLength(1)
  })
})
