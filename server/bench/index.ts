import { boardFanout } from './boardFanout'

process.setMaxListeners(0) // each y-websocket provider adds a process exit listener

// Figures only: these machines are shared and noisy, so nothing here passes or fails on time.
const clients = Number(process.env.BENCH_CLIENTS ?? 50)
const cards = Number(process.env.BENCH_CARDS ?? 200)

await boardFanout({ clients, cards })
process.exit(0)
