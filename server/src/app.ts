import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { migrateBoard } from '@harvest/shared'
import { attachBoardEndpoint } from './board/boardEndpoint'
import { DocRegistry } from './board/DocRegistry'
import { apiRoutes } from './http/apiRoutes'
import { clientRoutes } from './http/clientRoutes'
import type { ServerContext } from './realtime/context'
import { createSocketServer } from './realtime/socketServer'
import type { Storage } from './storage/Storage'

export interface AppOptions {
  storage: Storage
  publicUrl?: string
  clientDir?: string
}

/** The running app: one HTTP server carrying the API, socket.io and the board endpoint. */
export interface App {
  httpServer: http.Server
  ctx: ServerContext
  docs: DocRegistry
  listen(port: number, host: string): Promise<AddressInfo>
  close(): Promise<void>
}

export function createApp({ storage, publicUrl = '', clientDir }: AppOptions): App {
  const web = express()
  web.disable('x-powered-by')
  web.use('/api', apiRoutes(storage))
  if (clientDir) web.use(clientRoutes(clientDir))

  const httpServer = http.createServer(web)
  const ctx = createSocketServer(httpServer, storage, publicUrl)
  const docs = new DocRegistry(storage, (live) => migrateBoard(live.doc))
  const board = attachBoardEndpoint(httpServer, storage, docs)

  return {
    httpServer,
    ctx,
    docs,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject)
        httpServer.listen(port, host, () => resolve(httpServer.address() as AddressInfo))
      }),
    async close() {
      await ctx.io.close()
      for (const client of board.wss.clients) client.terminate()
      await board.close()
      await docs.closeAll()
      httpServer.closeAllConnections()
      await new Promise<void>((resolve) => httpServer.close(() => resolve()))
    },
  }
}
