import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const server = process.env.HARVEST_SERVER ?? 'http://127.0.0.1:3000'

// The client is built into client/dist, which the server serves; `npm run dev:client`
// proxies the API, socket.io and the board endpoint to a running server.
export default defineConfig({
  root: here('./client'),
  plugins: [react()],
  resolve: { dedupe: ['yjs'] },
  build: { outDir: here('./client/dist'), emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
      '/board': { target: server, ws: true },
      '/harvest': { target: server, ws: true },
    },
  },
})
