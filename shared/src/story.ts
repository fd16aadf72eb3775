import type { Clock } from './clock'

/** Where a story stands in the storytelling queue. */
export const STORY_STATUSES = ['queued', 'telling', 'qa', 'done', 'skipped'] as const
export type StoryStatus = (typeof STORY_STATUSES)[number]

/** The storytelling template of the report's guidance: looking back, learnings, looking ahead. */
export interface StoryNotes {
  milestones: string
  challenges: string
  whatChanged: string
  learnings: string
  plans: string
  barriers: string
  nextSteps: string
}

export const EMPTY_NOTES: StoryNotes = {
  milestones: '',
  challenges: '',
  whatChanged: '',
  learnings: '',
  plans: '',
  barriers: '',
  nextSteps: '',
}

/** The template text and guidance shown beside each field while a storyteller prepares. */
export const STORY_TEMPLATE: ReadonlyArray<{ section: string; fields: ReadonlyArray<{ key: keyof StoryNotes; label: string; guidance: string }> }> = [
  {
    section: 'Looking back',
    fields: [
      { key: 'milestones', label: 'Milestones', guidance: 'What did your pilot achieve this year? Name one or two moments that mattered.' },
      { key: 'challenges', label: 'Challenges', guidance: 'What got in the way, and how did you respond?' },
      { key: 'whatChanged', label: 'What changed', guidance: 'For people and communities, in your organisation, in how you work. Keep it personal and concrete.' },
    ],
  },
  {
    section: 'Key learnings',
    fields: [{ key: 'learnings', label: '1–2 key learnings', guidance: 'What would you tell another city starting out? One or two, not ten.' }],
  },
  {
    section: 'Looking ahead',
    fields: [
      { key: 'plans', label: 'Plans', guidance: 'What comes next for your pilot?' },
      { key: 'barriers', label: 'Barriers', guidance: 'What could stop you, and what help would you need?' },
      { key: 'nextSteps', label: 'Next steps', guidance: 'The very next concrete steps, with whom.' },
    ],
  },
]

/** A story in the queue, as everyone sees it (the prepared notes travel separately). */
export interface Story {
  id: string
  city: string
  /** The member telling it, when they have joined; the name alone otherwise. */
  storytellerId: string | null
  storytellerName: string
  title: string
  slotMinutes: number
  qaMinutes: number
  status: StoryStatus
  tellClock: Clock
  qaClock: Clock
}
