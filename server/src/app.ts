import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { BOARD_CLOSE } from '@harvest/shared'
import { attachDocumentEndpoint } from './documents/documentEndpoint'
import { DocRegistry } from './documents/DocRegistry'
import { documentAccess } from './documents/documentAccess'
import { documentExtensions } from './documents/documentExtensions'
import { boardDocName, harvestDocName, prepareDocument } from './documents/documentKinds'
import { apiRoutes } from './http/apiRoutes'
import { clientAddress } from './http/clientAddress'
import { errorHandler } from './http/errors'
import { securityHeaders } from './http/securityHeaders'
import { clientRoutes } from './http/clientRoutes'
import { ControlService } from './control/ControlService'
import { Connections } from './realtime/Connections'
import type { ServerContext } from './context'
import { ClusterBus } from './cluster/ClusterBus'
import type { Cluster } from './cluster/startCluster'
import { clusterExtensions } from './cluster/clusterExtensions'
import { sessionRoom } from './context'
import { Presence } from './realtime/Presence'
import { attachSessionControl, createIo } from './realtime/socketServer'
import { resolveToken } from './sessions/resolveToken'
import { serverSecret } from './sessions/serverSecret'
import type { Storage } from './storage/Storage'
import { ChromiumPrinter } from './report/pdf/ChromiumPrinter'
import { sourceReader } from './report/readSources'
import type { PdfPrinter } from './report/Renderer'
import { ReportService } from './report/ReportService'
import { reportRoutes } from './report/reportRoutes'
import { packRoutes } from './report/packs/packRoutes'
import { programmeRoutes } from './report/programme/programmeRoutes'
import { surveyRoutes } from './survey/surveyRoutes'
import { OrganiserKey } from './organiser/OrganiserKey'
import { organiserRoutes } from './organiser/organiserRoutes'
import { closeDocumentSockets, trackSockets } from './lifecycle/shutdown'
import { guardStorage } from './lifecycle/guardedStorage'
import { gateOnStore } from './lifecycle/storeGate'
import { StoreHealth } from './lifecycle/storeHealth'
import { announceStoreHealth } from './lifecycle/storeNotice'

/** Another process saved a new version of a session's control. */
/**
 * Connections the kernel may hold for us while the event loop is busy. Node's default, 511, is
 * less than one All-Cluster arrival wave (each person opens three: the join, socket.io, the
 * board); past it the kernel drops the handshake and a join fails as "fetch failed". The
 * kernel caps this at net.core.somaxconn.
 */
const LISTEN_BACKLOG = 4096

const CONTROL_SAVED = 'control:saved'

export interface AppOptions {
  storage: Storage
  publicUrl?: string
  clientDir?: string
  /** Offer the demo session's links on GET /api/demo (when the server seeds the demo). */
  showDemo?: boolean
  /** The server's clock; tests pass one they control. */
  now?: () => number
  /** Prints PDF reports; by default a shared headless Chromium, null for a server without one. */
  printer?: PdfPrinter | null
  /** ADMIN_TOKEN: the organiser's key; without it the server generates one on first start. */
  adminToken?: string | null
  /** TRUST_PROXY: how many reverse proxies stand in front, so the rate limits count the forwarded address. */
  trustProxy?: number
  /** The clock of the rate limits (milliseconds); tests pass one they control. */
  rateClock?: () => number
  /** With REDIS_URL, this process is one of several sharing sessions over Redis; null alone. */
  cluster?: Cluster | null
}

/** The running app: one HTTP server carrying the API, socket.io and the board endpoint. */
export interface App {
  httpServer: http.Server
  ctx: ServerContext
  docs: DocRegistry
  /** Whether the store takes writes (see lifecycle/storeHealth.ts). */
  health: StoreHealth
  listen(port: number, host: string): Promise<AddressInfo>
  close(): Promise<void>
}

export function createApp({ storage: store, publicUrl = '', clientDir, now = Date.now, showDemo = false, printer = new ChromiumPrinter(), adminToken = null, trustProxy = 0, rateClock, cluster = null }: AppOptions): App {
  // Every write goes through the guard: a store in trouble refuses changes with the reason instead of losing them.
  const health = new StoreHealth(store, now)
  const storage = guardStorage(store, health)
  const web = express()
  web.disable('x-powered-by')
  web.use(securityHeaders())
  const limits = { addressOf: clientAddress(trustProxy), now: rateClock }
  // Reads run on request only, after ctx exists below.
  const reports = new ReportService(
    sourceReader({ storage, readControl: (id) => ctx.control.read(id), documentState: (kind, id) => documentState(kind === 'board' ? boardDocName(id) : harvestDocName(id)), now }),
    printer,
  )
  const identify = async (token: string) => {
    const found = await resolveToken(storage, token)
    return found.ok ? found.identity : null
  }
  const docs = new DocRegistry(cluster ? clusterExtensions(storage, now, cluster) : documentExtensions(storage, now), prepareDocument)
  const organiser = new OrganiserKey(storage, adminToken)
  // Once the session has ended, everyone in it (and whoever opens its observer link) reads the report.
  const isShared = async (id: string) => {
    const { state } = await ctx.control.read(id)
    return state.reportShared || state.endedAt !== null
  }
  web.use('/api', reportRoutes({ reports, identify, isShared, isOrganiser: (token) => organiser.isOrganiser(token) }))
  web.use('/api', packRoutes({ reports, identify, isOrganiser: (token) => organiser.isOrganiser(token) }))
  web.use(
    '/api',
    programmeRoutes({
      isOrganiser: (token) => organiser.isOrganiser(token),
      // listSessions is newest first; the synthesis reads oldest first.
      sessions: async () =>
        Promise.all((await storage.listSessions()).reverse().map(async (s) => ({ id: s.id, round: s.round, ended: (await ctx.control.read(s.id)).state.endedAt !== null }))),
      reportOf: (id) => reports.report(id),
      pdf: printer,
      now,
    }),
  )
  web.use('/api', surveyRoutes({ storage, identify, isShared }))
  web.use('/api', organiserRoutes({ storage, docs, organiser }))
  web.use('/api', apiRoutes(storage, { showDemo, endedAt: async (id) => (await ctx.control.read(id)).state.endedAt, limits, storeStatus: () => health.status() }))
  if (clientDir) web.use(clientRoutes(clientDir))
  // An error from any router ends here, not in express' default handler, which logs the path.
  web.use(errorHandler)

  const httpServer = http.createServer(web)
  const sockets = trackSockets(httpServer)
  const io = createIo(httpServer, cluster?.ioOptions)
  const bus = new ClusterBus(cluster ? io : null)
  const ctx: ServerContext = {
    storage,
    presence: new Presence(),
    io,
    publicUrl,
    now,
    control: new ControlService(
      storage,
      (sessionId, state) => io.to(sessionRoom(sessionId)).emit('control:state', state, now()),
      (sessionId, version) => bus.publishToOthers(CONTROL_SAVED, sessionId, version),
    ),
    sockets: new Connections(),
    boards: new Connections(),
    secret: serverSecret(storage),
    docs,
    organiser,
    bus,
  }
  bus.subscribe(CONTROL_SAVED, (sessionId: string, version: number) => ctx.control.saved(sessionId, version))
  attachSessionControl(ctx)
  announceStoreHealth(io, health)
  // A document's stored updates for a report, once what it holds in memory is written: copying
  // them costs the event loop next to nothing, where encoding a large board would stall it.
  async function documentState(name: string): Promise<Uint8Array[]> {
    await docs.flushIfOpen(name)
    return (await storage.loadUpdates(name)).updates
  }
  const board = attachDocumentEndpoint(httpServer, { storage, registry: docs, links: ctx.boards, access: gateOnStore(documentAccess(ctx.secret, ctx.control), health), limits })

  return {
    httpServer,
    ctx,
    docs,
    health,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject)
        httpServer.listen({ port, host, backlog: LISTEN_BACKLOG }, () => resolve(httpServer.address() as AddressInfo))
      }),
    async close() {
      // Listening stops at once; the callback comes once every connection below is gone.
      const drained = new Promise<void>((resolve) => httpServer.close(() => resolve()))
      ctx.presence.dispose()
      health.dispose()
      // Said before the connections close, so screens can tell a restart from a lost network.
      ctx.io.emit('server:restarting')
      // Board clients hear 1012 and come back by themselves once the server is up again.
      await closeDocumentSockets(board.wss.clients, BOARD_CLOSE.restarting)
      await board.close()
      // socket.io closes its engine, not each socket: clients see their transport close and retry.
      await ctx.io.close()
      // A store in trouble must not keep the connections open: the rest closes, then the stop reports it.
      const unwritten = await docs.closeAll().then(() => null, (error: unknown) => error)
      await reports.close()
      await printer?.close()
      // Whatever is still open (keep-alive, a peer that never answered the close) is cut, so nothing holds the stop.
      for (const socket of sockets) socket.destroy()
      await drained
      if (unwritten) throw unwritten
    },
  }
}
