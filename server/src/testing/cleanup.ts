/**
 * Everything a test opened (servers, sockets, providers) registers its disposer here, and each
 * test file calls `disposeAll` in `afterEach`, so a failing test still lets the run exit.
 * Disposers run newest first: clients go before the server they talk to.
 */
const disposers: Array<() => unknown> = []

export function track(dispose: () => unknown): void {
  disposers.push(dispose)
}

export async function disposeAll(): Promise<void> {
  const errors: unknown[] = []
  while (disposers.length > 0) {
    const dispose = disposers.pop()!
    try {
      await dispose()
    } catch (error) {
      errors.push(error)
    }
  }
  if (errors.length > 0) throw errors[0]
}
