import type { HarvestEntry } from '@harvest/shared'
import { harvestActions } from '../../harvest/harvestActions'
import { useSessionStore } from '../../stores/useSessionStore'

/**
 * A harvester's marks on an entry: key insight (the report opens with these) and the cities it
 * came from, picked from the session's cities so the report names them the same way everywhere.
 */
export function EntryMarks({ entry }: { entry: HarvestEntry }) {
  const sessionCities = useSessionStore((s) => s.state?.session.cities)
  const members = useSessionStore((s) => s.state?.members)
  // The session's listed cities, then those people joined with, then any the entry already names.
  const cities = [...new Set([...(sessionCities ?? []).map((c) => c.name), ...(members ?? []).map((m) => m.city), ...entry.cities].filter(Boolean))]
  const toggleCity = (city: string, on: boolean) =>
    harvestActions.mark(entry.id, { cities: on ? [...entry.cities, city] : entry.cities.filter((c) => c !== city) })

  return (
    <div className="entry-marks">
      <button
        type="button"
        className={entry.key ? 'key-toggle on' : 'key-toggle'}
        aria-pressed={entry.key}
        onClick={() => harvestActions.mark(entry.id, { key: !entry.key })}
      >
        {entry.key ? '★ Key insight' : '☆ Mark as key insight'}
      </button>
      {cities.length > 0 && (
        <details className="city-picker">
          <summary>Cities: {entry.cities.length > 0 ? entry.cities.join(', ') : 'none yet'}</summary>
          <fieldset>
            <legend className="sr-only">Cities this came from</legend>
            {cities.map((city) => (
              <label key={city}>
                <input type="checkbox" checked={entry.cities.includes(city)} onChange={(e) => toggleCity(city, e.target.checked)} />
                {city}
              </label>
            ))}
          </fieldset>
        </details>
      )}
    </div>
  )
}
