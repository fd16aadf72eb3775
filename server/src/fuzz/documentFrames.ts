import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { BOARD_ROOTS, CARD_FIELDS, PATTERN_FIELDS, PLENARY_AREA, addCard, getCards } from '@harvest/shared'
import { MESSAGE, encodeUpdate } from '../documents/protocol'
import { PROTOTYPE_KEYS } from './prototypeKeys'

/** What the frames are built against: the server's board as it stands, and who is who on it. */
export interface FrameWorld {
  /** The server's document (read, never written, by the generators). */
  doc: Y.Doc
  /** authorIds that are the sender's own. */
  ownIds: readonly string[]
  /** A card someone else wrote. */
  othersCard: string
  /** A client id another connection's presence is under. */
  othersAwarenessId: number
}

const CARD_KEYS = Object.keys(CARD_FIELDS)
const PATTERN_KEYS = Object.keys(PATTERN_FIELDS)

const fieldKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CARD_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(...PATTERN_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
)

/** Field values of every JSON type, near and far from what the fields take. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('insight', 'finance', PLENARY_AREA, 'Galway', 'pilot', '', 'x'.repeat(5_000)),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
)

/** One change to the board a client could make, most of them against its rules. */
type Edit =
  | { kind: 'newCard'; author: 'own' | 'other'; fields: Array<[string, unknown]> }
  | { kind: 'editOthers'; key: string; value: unknown }
  | { kind: 'deleteOthers' }
  | { kind: 'nested'; key: string; type: 'map' | 'array' | 'text' }
  | { kind: 'root'; root: string; key: string; value: unknown }
  | { kind: 'newPattern'; fields: Array<[string, unknown]> }

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('newCard' as const), author: fc.constantFrom('own' as const, 'other' as const), fields: fc.array(fc.tuple(fieldKey, fieldValue), { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('editOthers' as const), key: fieldKey, value: fieldValue }),
  fc.constant({ kind: 'deleteOthers' as const }),
  fc.record({ kind: fc.constant('nested' as const), key: fieldKey, type: fc.constantFrom('map' as const, 'array' as const, 'text' as const) }),
  fc.record({ kind: fc.constant('newPattern' as const), fields: fc.array(fc.tuple(fieldKey, fieldValue), { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('root' as const), root: fc.constantFrom(BOARD_ROOTS.meta, BOARD_ROOTS.patterns, 'elsewhere', ...PROTOTYPE_KEYS), key: fieldKey, value: fieldValue }),
)

let cardNumber = 0

function applyEdit(doc: Y.Doc, world: FrameWorld, edit: Edit): void {
  const cards = getCards(doc)
  switch (edit.kind) {
    case 'newCard': {
      const id = `fuzz-${++cardNumber}`
      const authorId = edit.author === 'own' ? world.ownIds[0]! : 'someone-else'
      addCard(doc, { id, text: 'a fuzzed card', authorId, authorName: 'Pat', city: 'Ghent', cityKind: 'pilot', area: PLENARY_AREA }, 1_000)
      for (const [key, value] of edit.fields) cards.get(id)!.set(key, value)
      return
    }
    case 'editOthers':
      return void cards.get(world.othersCard)?.set(edit.key, edit.value)
    case 'deleteOthers':
      return void cards.delete(world.othersCard)
    case 'nested': {
      const value = edit.type === 'map' ? new Y.Map() : edit.type === 'array' ? new Y.Array() : new Y.Text('nested')
      return void cards.get(world.othersCard)?.set(edit.key, value)
    }
    case 'root':
      return void doc.getMap(edit.root).set(edit.key, edit.value)
    case 'newPattern': {
      const pattern = new Y.Map<unknown>()
      doc.getMap(BOARD_ROOTS.patterns).set(`fuzz-pattern-${++cardNumber}`, pattern)
      pattern.set('name', 'a fuzzed pattern')
      for (const [key, value] of edit.fields) pattern.set(key, value)
      return
    }
  }
}

/** A well-formed update of one to three edits, built on a client synced from the server's board. */
function updateOf(world: FrameWorld, edits: Edit[]): { update: Uint8Array; steps: Uint8Array[] } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(world.doc))
  const steps: Uint8Array[] = []
  const start = Y.encodeStateVector(doc)
  for (const edit of edits) {
    const before = Y.encodeStateVector(doc)
    try {
      doc.transact(() => applyEdit(doc, world, edit))
    } catch {
      // Yjs itself refuses some values (an object without a plain prototype): no client could send that edit.
    }
    steps.push(Y.encodeStateAsUpdate(doc, before))
  }
  const update = Y.encodeStateAsUpdate(doc, start)
  doc.destroy()
  return { update, steps }
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.sync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** An awareness frame speaking for `clientId` with `state` (JSON text, or null to remove it). */
export function awarenessFrame(clientId: number, clock: number, state: string): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, state)
  const frame = encoding.createEncoder()
  encoding.writeVarUint(frame, MESSAGE.awareness)
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
  return encoding.toUint8Array(frame)
}

/** What a generated frame is, for the tally. */
export interface FrameCase {
  kind: string
  frame: Uint8Array
}

/** Frames for the board and harvest endpoints: random bytes, truncated and reordered sync, rule-breaking updates, others' presence. */
export function frameCaseArb(world: () => FrameWorld): fc.Arbitrary<FrameCase> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 120 }).map((frame) => ({ kind: 'random bytes', frame })),
    fc
      .tuple(fc.constantFrom(0, 1, 2, 3, 4, 200), fc.integer({ min: 0, max: 5 }), fc.uint8Array({ maxLength: 80 }))
      .map(([type, step, rest]) => ({ kind: 'random after a message type', frame: new Uint8Array([type, step, ...rest]) })),
    fc.tuple(fc.array(editArb, { minLength: 1, maxLength: 3 }), fc.double({ min: 0, max: 1, noNaN: true })).map(([edits, at]) => {
      const frame = encodeUpdate(updateOf(world(), edits).update)
      return { kind: 'truncated update', frame: frame.slice(0, Math.max(1, Math.floor(frame.byteLength * at))) }
    }),
    fc.array(editArb, { minLength: 2, maxLength: 3 }).map((edits) => {
      // The later steps alone: they refer to items the server never received.
      const { steps } = updateOf(world(), edits)
      return { kind: 'update without what it builds on', frame: encodeUpdate(Y.mergeUpdates(steps.slice(1))) }
    }),
    fc.tuple(fc.array(editArb, { minLength: 1, maxLength: 3 }), fc.constantFrom(1, 2)).map(([edits, step]) => ({
      kind: 'rule-breaking update',
      frame: syncFrame(step, updateOf(world(), edits).update),
    })),
    fc.uint8Array({ maxLength: 60 }).map((vector) => ({ kind: 'garbage state vector', frame: syncFrame(0, vector) })),
    fc
      .tuple(fc.oneof(fc.constant(-1), fc.nat()), fc.nat({ max: 1_000 }), fc.oneof(fc.json(), fc.constant('null'), fc.string({ maxLength: 20 })))
      .map(([id, clock, state]) => ({ kind: 'presence for another client', frame: awarenessFrame(id < 0 ? world().othersAwarenessId : id, clock, state) })),
  )
}
