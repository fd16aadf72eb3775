const STORE_KEY = 'harvest:organiserKey'

/** The organiser key in a fragment like "#key=…", or null. Pure, for tests. */
export function keyFromFragment(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('key')
  return value && value.trim() ? value.trim() : null
}

/**
 * The organiser key for this tab: taken from the address once, then kept in sessionStorage and
 * wiped from the address bar, so it does not linger in the history or on a shared screen.
 */
export function takeOrganiserKey(): string | null {
  const fromUrl = keyFromFragment(location.hash)
  if (fromUrl) {
    sessionStorage.setItem(STORE_KEY, fromUrl)
    history.replaceState(null, '', location.pathname)
    return fromUrl
  }
  return sessionStorage.getItem(STORE_KEY)
}

/** Forgets the key in this tab. */
export function forgetOrganiserKey(): void {
  sessionStorage.removeItem(STORE_KEY)
}
