// Worker threads do not inherit the TypeScript loader the server runs under, so the worker
// registers it before loading its TypeScript entry.
import { register } from 'tsx/esm/api'

register()
await import('./workerEntry.ts')
