/**
 * Dates as a person reads them without doubt: the month is always a word, in the person's own
 * locale ("1 Dec 2026", "Dec 1, 2026", "1. Dez. 2026"), never digits only, where 12/01/2026 is
 * the first of December to some and the twelfth of January to others. One formatter for the
 * whole client, so every screen writes a date alike.
 */

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * A calendar day given as YYYY-MM-DD (a session's date). It is a day, not an instant, so it is
 * formatted in UTC: the same day on every screen whatever its time zone. Anything that is not
 * such a date is shown as it came.
 */
export function formatDay(isoDay: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay)
  if (!match) return isoDay
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const at = new Date(Date.UTC(year, month - 1, day))
  if (at.getUTCMonth() !== month - 1) return isoDay
  return formatWith(locale, { ...DAY, timeZone: 'UTC' }, at) ?? `${day} ${MONTHS[month - 1]} ${year}`
}

/** An instant (milliseconds since the epoch) as a day and a time of the person's clock. */
export function formatDayTime(ms: number, locale?: string): string {
  const at = new Date(ms)
  return formatWith(locale, { ...DAY, hour: '2-digit', minute: '2-digit' }, at)
    ?? `${at.getDate()} ${MONTHS[at.getMonth()]} ${at.getFullYear()} ${pad(at.getHours())}:${pad(at.getMinutes())}`
}

/** An instant as a short day and a time to the second, for lists of snapshots. */
export function formatMomentToSecond(ms: number, locale?: string): string {
  const at = new Date(ms)
  return formatWith(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' }, at)
    ?? `${at.getDate()} ${MONTHS[at.getMonth()]} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`
}

/** A time of day of the person's clock, hours and minutes. */
export function formatTime(ms: number, locale?: string): string {
  const at = new Date(ms)
  return formatWith(locale, { hour: '2-digit', minute: '2-digit' }, at) ?? `${pad(at.getHours())}:${pad(at.getMinutes())}`
}

const pad = (n: number) => String(n).padStart(2, '0')

const formatters = new Map<string, Intl.DateTimeFormat | null>()

/** Formats with a cached Intl formatter; null where the runtime has none for this locale. */
function formatWith(locale: string | undefined, options: Intl.DateTimeFormatOptions, at: Date): string | null {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`
  if (!formatters.has(key)) {
    try {
      formatters.set(key, new Intl.DateTimeFormat(locale, options))
    } catch {
      formatters.set(key, null)
    }
  }
  return formatters.get(key)?.format(at) ?? null
}
