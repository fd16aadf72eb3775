import type { AreaTab } from '../../board/areas'

/** One tab per area with its card count and how many people look at it now. */
export function AreaTabs({ tabs, shown, people, onPick }: { tabs: AreaTab[]; shown: string; people: Map<string, number>; onPick(id: string): void }) {
  return (
    <div className="area-tabs" role="tablist" aria-label="Board areas">
      {tabs.map((tab) => (
        <button
          key={tab.id}
          role="tab"
          aria-selected={tab.id === shown}
          className={tab.id === shown ? 'area-tab on' : 'area-tab'}
          data-area={tab.id}
          onClick={() => onPick(tab.id)}
        >
          {tab.label}
          <span className="tab-count">{tab.count}</span>
          {(people.get(tab.id) ?? 0) > 0 && (
            <span className="tab-people" title={`${people.get(tab.id)} here now`}>● {people.get(tab.id)}</span>
          )}
        </button>
      ))}
    </div>
  )
}
