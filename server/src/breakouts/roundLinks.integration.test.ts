import { afterEach, describe, expect, it } from 'vitest'
import { roomLink } from '@harvest/shared'
import { accepted, refusedWith } from '../testing/acks'
import { breakoutWorld, createRound, roundNow, stateWithoutTime } from '../testing/breakoutWorld'
import { disposeAll } from '../testing/cleanup'
import { request } from '../testing/clients'

afterEach(disposeAll)

describe('meeting links and names of a round’s rooms', () => {
  it('one pattern gives every room without its own link a link named after the room', async () => {
    const { fran, soWhat, join } = await breakoutWorld()
    const roundId = await createRound(fran.socket, soWhat, 'assigned', [{ name: 'Heat pumps' }, { name: 'Mobility', link: 'https://call.example.org/mob' }])
    accepted(await request(fran.socket, 'round:linkPattern', { roundId, pattern: 'https://meet.example.org/c4-{room}' }))
    const round = await roundNow(fran.socket, roundId)
    expect(round.rooms.map((room) => roomLink(round, room))).toEqual(['https://meet.example.org/c4-heat-pumps', 'https://call.example.org/mob'])

    // A pattern that could run script is refused and changes nothing; only facilitators set one.
    const pat = await join('Pat', 'Ghent')
    const before = await stateWithoutTime(fran.socket)
    refusedWith(await request(fran.socket, 'round:linkPattern', { roundId, pattern: 'javascript:alert("{room}")' }), 'invalid')
    refusedWith(await request(pat.socket, 'round:linkPattern', { roundId, pattern: null }), 'forbidden')
    expect(await stateWithoutTime(fran.socket)).toEqual(before)

    accepted(await request(fran.socket, 'round:linkPattern', { roundId, pattern: null }))
    const cleared = await roundNow(fran.socket, roundId)
    expect(cleared.rooms.map((room) => roomLink(cleared, room))).toEqual([null, 'https://call.example.org/mob'])
  })

  it('rooms made from a spread without a name are named after their people’s cities', async () => {
    const { fran, soWhat, join } = await breakoutWorld()
    const roundId = await createRound(fran.socket, soWhat, 'assigned')
    const [pat, lee, ana] = [await join('Pat', 'Ghent'), await join('Lee', 'Leuven', 'twin'), await join('Ana', 'Galway')]
    accepted(await request(fran.socket, 'round:assign', { roundId, groups: [{ roomId: null, memberIds: [pat.member.id, lee.member.id] }, { roomId: null, memberIds: [ana.member.id] }, { roomId: null, name: 'Our own name', memberIds: [] }] }))
    expect((await roundNow(fran.socket, roundId)).rooms.map((r) => r.name)).toEqual(['Room 1 · Ghent, Leuven', 'Room 2 · Galway', 'Our own name'])
  })
})
