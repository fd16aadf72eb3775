/**
 * Polls `condition` until it returns a truthy value (or stops throwing), then returns that value.
 * Fails with the last error (or `what`) after `timeoutMs`. Use instead of fixed sleeps.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown = null
  for (;;) {
    try {
      const value = await condition()
      if (value) return value as NonNullable<T>
      lastError = null
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) {
      if (lastError instanceof Error) {
        lastError.message = `waitFor(${what}) timed out after ${timeoutMs} ms: ${lastError.message}`
        throw lastError
      }
      throw new Error(`waitFor(${what}) timed out after ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
