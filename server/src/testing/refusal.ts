import { Refusal } from '../Refusal'

/** Runs `action`, expecting the server to refuse it, and returns the refusal. */
export function refusal(action: () => unknown): Refusal {
  try {
    action()
  } catch (error) {
    if (error instanceof Refusal) return error
    throw error
  }
  throw new Error('expected a refusal, but the action succeeded')
}
