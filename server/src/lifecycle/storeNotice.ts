import type { IoServer } from '../context'
import type { StoreHealth } from './storeHealth'

/** Every screen hears when the store gets into trouble and when it is well again; a screen connecting meanwhile hears it at once. */
export function announceStoreHealth(io: IoServer, health: StoreHealth): void {
  health.onChange((status) => void io.emit('server:store', status))
  io.on('connection', (socket) => {
    if (!health.ok) socket.emit('server:store', health.status())
  })
}
