import fs from 'node:fs'
import path from 'node:path'
import express from 'express'

/**
 * Serves the built client, and index.html for every page path so that invitation links
 * (/join/…) and session pages (/s/…) load the app directly.
 */
export function clientRoutes(clientDir: string): express.Router {
  const router = express.Router()
  const index = path.join(clientDir, 'index.html')
  if (!fs.existsSync(index)) {
    router.get('/', (_req, res) => {
      res.status(503).type('text').send('The client is not built yet: run `npm run build` (npm start does it for you).')
    })
    return router
  }
  router.use(express.static(clientDir, { index: false, maxAge: '1h' }))
  router.get(/^\/(?!api\/|socket\.io\/|board\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache')
    res.sendFile(index)
  })
  return router
}
