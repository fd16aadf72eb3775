import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { BOARD_CLOSE, BOARD_PATH, CARD_FIELDS, HARVEST_PATH, PATTERN_FIELDS, PLENARY_AREA, addCard, getCards, getPatterns, listCards, readCard } from '@harvest/shared'
import { boardDocName, harvestDocName } from '../documents/documentKinds'
import type { LiveDoc } from '../documents/LiveDoc'
import { SERVER_ORIGIN } from '../documents/serverOrigin'
import { createSession, joinAs } from '../testing/api'
import { disposeAll } from '../testing/cleanup'
import { connectBoard } from '../testing/clients'
import { startTestServer, type TestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'
import { frameCaseArb, type FrameCase, type FrameWorld } from './documentFrames'
import { RawPeer, type Closed } from './rawPeer'
import { Tally, fuzz } from './seed'

const FILE = path.relative(process.cwd(), new URL(import.meta.url).pathname)
const BOARD_CASES = Number(process.env.FUZZ_BOARD_CASES ?? 2_000)
const HARVEST_CASES = Number(process.env.FUZZ_HARVEST_CASES ?? 1_000)
const CURATOR_CASES = Number(process.env.FUZZ_CURATOR_CASES ?? 600)

/** The closes a document endpoint may answer a client's frame with, and the reason each must carry. */
const CONTRACT = new Map<number, (reason: string) => boolean>([
  [BOARD_CLOSE.malformed.code, (reason) => reason === BOARD_CLOSE.malformed.reason],
  [BOARD_CLOSE.tooLarge.code, (reason) => reason === BOARD_CLOSE.tooLarge.reason],
  [BOARD_CLOSE.rateLimited.code, (reason) => reason === BOARD_CLOSE.rateLimited.reason],
  // A refusal says which rule the change broke.
  [BOARD_CLOSE.refused.code, (reason) => reason.trim().length > 0],
])

/** Kinds of generated frame that are valid y-websocket messages carrying valid Yjs updates. */
const WELL_FORMED = new Set(['rule-breaking update', 'update without what it builds on'])

const fromHex = (hex: string) => new Uint8Array(Buffer.from(hex.replace(/\s+/g, ''), 'hex'))

describe('fuzzing the board and harvest endpoints', () => {
  let server: TestServer
  let sessionId: string
  let participantToken: string
  let harvesterToken: string
  let board: LiveDoc
  let harvest: LiveDoc
  let world: FrameWorld
  const tally = new Tally()

  beforeAll(async () => {
    // The server logs each connection it closes for a bad frame; thousands of those are counted, not printed.
    vi.spyOn(console, 'warn').mockImplementation(() => tally.add('server warnings'))
    server = await startTestServer({ printer: null })
    const created = await createSession(server.url)
    sessionId = created.session.id
    const pat = await joinAs(server.url, created, 'participant', { name: 'Pat' })
    participantToken = pat.memberToken
    harvesterToken = (await joinAs(server.url, created, 'harvester', { name: 'Hana' })).memberToken
    board = await server.app.docs.open(boardDocName(sessionId))
    harvest = await server.app.docs.open(harvestDocName(sessionId))
    board.doc.transact(() => {
      addCard(board.doc, { id: 'fran-1', text: 'the facilitator’s card', authorId: created.member.id, authorName: 'Fran', city: '', cityKind: null, area: PLENARY_AREA }, 1_000)
    }, SERVER_ORIGIN)

    // Someone else present on the board, whose presence nobody else may speak for.
    const ann = await joinAs(server.url, created, 'participant', { name: 'Ann' })
    const annBoard = connectBoard(server.url, sessionId, ann.memberToken)
    await annBoard.synced(20_000)
    annBoard.provider.awareness.setLocalState({ user: { name: 'Ann' } })
    await waitFor(() => board.awareness.getStates().has(annBoard.doc.clientID), 20_000, 'Ann present')
    world = { doc: board.doc, ownIds: [pat.member.id], othersCard: 'fran-1', othersAwarenessId: annBoard.doc.clientID }
  }, 60_000)

  afterAll(async () => {
    vi.restoreAllMocks()
    tally.print('board and harvest frames')
    await disposeAll()
  })

  /** The documents as the server holds them, and the other person's presence. */
  const snapshot = () =>
    JSON.stringify({
      board: Buffer.from(Y.encodeStateAsUpdate(board.doc)).toString('base64'),
      harvest: Buffer.from(Y.encodeStateAsUpdate(harvest.doc)).toString('base64'),
      ann: board.awareness.getStates().get(world.othersAwarenessId) ?? null,
    })

  const peers = new Map<string, RawPeer>()
  /** A connection to `endpoint` as the participant (or the harvester), reused until the server closes it. */
  async function peerFor(endpoint: string, token: string): Promise<RawPeer> {
    const open = peers.get(`${endpoint} ${token}`)
    if (open && !open.closed) return open
    const url = `${server.url.replace(/^http/, 'ws')}${endpoint}/${sessionId}?token=${token}`
    const peer = await RawPeer.open(url, () => Y.encodeStateVector(endpoint === BOARD_PATH ? board.doc : harvest.doc))
    peers.set(`${endpoint} ${token}`, peer)
    tally.add('connections opened')
    return peer
  }

  /** Sends one frame and checks the outcome: a close of the contract, or a frame taken; a refused frame changes nothing. */
  async function run(endpoint: string, { kind, frame }: FrameCase, as: 'participant' | 'harvester' = 'participant'): Promise<Closed | null> {
    const peer = await peerFor(endpoint, as === 'participant' ? participantToken : harvesterToken)
    const before = snapshot()
    const closed = await peer.send(frame)
    const label = as === 'participant' ? endpoint : `${endpoint} (harvester)`
    tally.add(`${label} cases`)
    if (!closed) {
      tally.add(`${label} taken`)
      // Whoever wrote it, the board holds only the fields its tables know (own keys, not the prototype's).
      for (const card of getCards(board.doc).values()) {
        if (card instanceof Y.Map) for (const key of card.keys()) expect(Object.hasOwn(CARD_FIELDS, key), `${kind} left card field "${key}"`).toBe(true)
      }
      for (const pattern of getPatterns(board.doc).values()) {
        if (pattern instanceof Y.Map) for (const key of pattern.keys()) expect(Object.hasOwn(PATTERN_FIELDS, key), `${kind} left pattern field "${key}"`).toBe(true)
      }
      if (as === 'harvester') return null
      // Only a participant's own, rule-abiding change may touch the board, and nobody's touches the harvest from here.
      const after = JSON.parse(snapshot()) as { harvest: string; ann: unknown }
      expect(after.harvest, `${kind} left the harvest as it was`).toBe(JSON.parse(before).harvest)
      expect(after.ann, `${kind} left the other person's presence as it was`).toEqual(JSON.parse(before).ann)
      // A change the board took is the participant's own: the facilitator's card stands, and no card is under another name.
      expect(readCard('fran-1', getCards(board.doc).get('fran-1'))?.text, `${kind} left the facilitator's card`).toBe('the facilitator’s card')
      expect(listCards(board.doc).filter((card) => card.id !== 'fran-1' && !world.ownIds.includes(card.authorId)), `${kind}: no card under another name`).toEqual([])
      return null
    }
    tally.add(`${label} refusals: ${closed.code}`)
    const fits = CONTRACT.get(closed.code)
    expect(fits && fits(closed.reason), `${kind} closed with a code and reason of the contract, not ${closed.code} "${closed.reason}"`).toBe(true)
    expect(snapshot(), `${kind} refused and changed nothing`).toBe(before)
    // A well-formed update is refused for the rule it breaks, with that reason, never as "malformed".
    if (WELL_FORMED.has(kind)) expect(closed.code, `${kind} refused with a reason: ${closed.reason}`).not.toBe(BOARD_CLOSE.malformed.code)
    return closed
  }

  it('refuses the kept corpus of hostile frames with the contract’s codes on both endpoints, changing nothing', async () => {
    const corpus = JSON.parse(fs.readFileSync(new URL('./corpus/documentFrames.json', import.meta.url), 'utf8')) as {
      frames: Array<{ name: string; hex: string; board: number | null; harvest: number | null }>
    }
    for (const entry of corpus.frames) {
      for (const [endpoint, expected] of [[BOARD_PATH, entry.board], [HARVEST_PATH, entry.harvest]] as const) {
        const closed = await run(endpoint, { kind: entry.name, frame: fromHex(entry.hex) })
        expect(closed?.code ?? null, `${entry.name} on ${endpoint}`).toBe(expected)
      }
    }
    tally.add('corpus frames', corpus.frames.length * 2)
  }, 120_000)

  it(`refuses or safely takes ${BOARD_CASES.toLocaleString('en')} generated board frames`, async () => {
    await fuzz(FILE, BOARD_CASES, fc.asyncProperty(frameCaseArb(() => world), async (c) => void (await run(BOARD_PATH, c))))
  }, 170_000)

  it(`refuses or drops ${HARVEST_CASES.toLocaleString('en')} generated harvest frames from a participant, who may not write it`, async () => {
    await fuzz(FILE, HARVEST_CASES, fc.asyncProperty(frameCaseArb(() => world), async (c) => void (await run(HARVEST_PATH, c))))
    expect(tally.get(`${HARVEST_PATH} refusals: ${BOARD_CLOSE.refused.code}`)).toBe(0)
  }, 170_000)

  it(`refuses or safely takes ${CURATOR_CASES.toLocaleString('en')} generated board frames from a harvester, who curates the board`, async () => {
    await fuzz(FILE, CURATOR_CASES, fc.asyncProperty(frameCaseArb(() => world), async (c) => void (await run(BOARD_PATH, c, 'harvester'))))
  }, 170_000)
})
