import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addCard, deleteCard } from '@harvest/shared'
import { plainCard, yjsPeers } from '../testing/yjsPeers'
import { addsToDocument } from './storeGate'

describe('addsToDocument: what a store in trouble must refuse', () => {
  it('a new card adds; the opening sync of a client that has only what the server has does not', () => {
    const { server, client, act } = yjsPeers()
    Y.applyUpdate(server, act(client(), (doc) => addCard(doc, plainCard('a'))))
    const reader = client()
    expect(addsToDocument(server, Y.encodeStateAsUpdate(reader, Y.encodeStateVector(server)))).toBe(false)
    expect(addsToDocument(server, act(reader, (doc) => addCard(doc, plainCard('b'))))).toBe(true)
  })

  it('a deletion the server does not have adds; one it already has (sent again on reconnect) does not', () => {
    const { server, client, act } = yjsPeers()
    Y.applyUpdate(server, act(client(), (doc) => addCard(doc, plainCard('a'))))
    const writer = client()
    const deletion = act(writer, (doc) => deleteCard(doc, 'a'))
    expect(addsToDocument(server, deletion)).toBe(true)
    Y.applyUpdate(server, deletion)
    expect(addsToDocument(server, deletion)).toBe(false)
    expect(addsToDocument(server, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(server)))).toBe(false)
  })
})
