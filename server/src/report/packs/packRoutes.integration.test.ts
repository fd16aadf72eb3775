import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateSessionResult, JoinResult } from '@harvest/shared'
import { learningPackPath, learningPacksZipPath } from '@harvest/shared'
import { createSession, joinAs, download } from '../../testing/api'
import { disposeAll } from '../../testing/cleanup'
import { startTestServer, type TestServer } from '../../testing/testServer'

describe('learning packs over HTTP', () => {
  const ORGANISER = 'organiser-key-for-the-pack-test-0123456789'
  let server: TestServer
  let created: CreateSessionResult
  let other: CreateSessionResult
  let ghent: JoinResult
  let lodz: JoinResult
  let harvester: JoinResult
  let observer: JoinResult
  const id = () => created.session.id

  beforeAll(async () => {
    server = await startTestServer({ printer: null, adminToken: ORGANISER })
    created = await createSession(server.url, {
      title: 'Packs – Round 2',
      cities: [{ name: 'Ghent', kind: 'pilot', project: 'Green roofs' }, { name: 'Łódź', kind: 'pilot', project: 'NEEST' }],
    })
    other = await createSession(server.url, { title: 'Another cluster' })
    ghent = await joinAs(server.url, created, 'participant', { name: 'Gráinne', city: 'Ghent', cityKind: 'pilot' })
    lodz = await joinAs(server.url, created, 'participant', { name: 'Ola', city: 'Łódź', cityKind: 'pilot' })
    harvester = await joinAs(server.url, created, 'harvester', { name: 'Hana' })
    observer = await joinAs(server.url, created, 'observer', { name: 'Olga' })
  })
  afterAll(disposeAll)

  it('gives a participant their own city’s pack in every format, with the city in the file name', async () => {
    for (const format of ['md', 'html', 'docx']) {
      const file = await download(server.url, learningPackPath(id(), 'Łódź', format), lodz.memberToken, format === 'md' ? 'query' : 'header')
      expect(file.status, format).toBe(200)
      const disposition = file.headers.get('content-disposition') ?? ''
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/)
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`Learning pack - Łódź - Packs – Round 2 - 2026-06-14.${format}`)
    }
    const md = await download(server.url, learningPackPath(id(), 'Łódź', 'md'), lodz.memberToken)
    expect(md.text).toContain('# Learning pack: Łódź')
  })

  it('keeps other cities’ packs from a participant (403) and every pack from an observer', async () => {
    expect((await download(server.url, learningPackPath(id(), 'Łódź', 'md'), ghent.memberToken)).status).toBe(403)
    expect((await download(server.url, learningPackPath(id(), 'Ghent', 'md'), ghent.memberToken)).status).toBe(200)
    expect((await download(server.url, learningPackPath(id(), 'Ghent', 'md'), observer.memberToken)).status).toBe(403)
  })

  it('gives facilitators, harvesters and the organiser any city’s pack', async () => {
    for (const token of [created.memberToken, harvester.memberToken, ORGANISER]) {
      expect((await download(server.url, learningPackPath(id(), 'Ghent', 'html'), token)).status).toBe(200)
    }
  })

  it('refuses no token or an unknown one (401), another session, an unknown city or format (404)', async () => {
    expect((await download(server.url, learningPackPath(id(), 'Ghent', 'md'), null)).status).toBe(401)
    expect((await download(server.url, learningPackPath(id(), 'Ghent', 'md'), 'not a token')).status).toBe(401)
    expect((await download(server.url, learningPackPath(other.session.id, 'Ghent', 'md'), ghent.memberToken)).status).toBe(404)
    expect((await download(server.url, learningPackPath(id(), 'Atlantis', 'md'), created.memberToken)).status).toBe(404)
    const format = await download(server.url, learningPackPath(id(), 'Ghent', 'pdf'), created.memberToken)
    expect(format.status).toBe(404)
    expect(JSON.parse(format.text).message).toMatch(/md, html, docx/)
  })

  it('zips every pack for facilitators and the organiser only', async () => {
    for (const token of [created.memberToken, ORGANISER]) {
      const file = await download(server.url, learningPacksZipPath(id()), token)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe('application/zip')
      const names = Object.keys((await JSZip.loadAsync(file.bytes)).files).sort()
      expect(names).toEqual(['Ghent', 'Łódź'].flatMap((city) => ['docx', 'html', 'md'].map((ext) => `Learning pack - ${city}.${ext}`)))
    }
    for (const token of [harvester.memberToken, ghent.memberToken, observer.memberToken]) {
      expect((await download(server.url, learningPacksZipPath(id()), token)).status).toBe(403)
    }
    expect((await download(server.url, learningPacksZipPath(id()), null)).status).toBe(401)
  })
})
