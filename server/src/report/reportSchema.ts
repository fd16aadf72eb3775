import type { AppendixArea, CityCards, CityStory, KindSection, LeverSection, Report, ReportCard, ReportEntry } from '@harvest/shared'
import type { ReportPattern, ReportSurvey, SurveyQuestion, SurveyStatement, TimeRow } from '@harvest/shared'
import { CARD_KINDS, CITY_KINDS, EMISSION_DOMAINS, LEVERS, PHASES, REPORT_VERSION, STORY_STATUSES } from '@harvest/shared'

/** A JSON Schema node, as plain data. */
export type JsonSchema = { [keyword: string]: unknown }

/** Names of the schema's `$defs`; `ref` only accepts these, so no reference can dangle. */
type DefName =
  | 'card' | 'entry' | 'cityCards' | 'cityStory' | 'kindSection' | 'pattern' | 'leverSection'
  | 'timeRow' | 'surveyStatement' | 'surveyQuestion' | 'survey' | 'appendixArea'
  | 'cardKind' | 'lever' | 'emissionDomain' | 'cityKind' | 'section' | 'entrySource' | 'storyStatus' | 'timeRowKind'

const ref = (name: DefName, description?: string): JsonSchema => ({ $ref: `#/$defs/${name}`, ...(description && { description }) })

// Keying `properties` by the TypeScript type makes the compiler refuse a schema that forgets a
// field of the report or describes one it does not have; `required` is then every key.
const object = <T>(description: string, properties: { [K in keyof T]-?: JsonSchema }): JsonSchema => ({
  type: 'object',
  description,
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
})

const text = (description: string): JsonSchema => ({ type: 'string', description })
const list = (items: JsonSchema, description: string): JsonSchema => ({ type: 'array', description, items })
const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description })
const minutes = (description: string): JsonSchema => ({ type: 'number', description })
const dateTime = (description: string): JsonSchema => ({ type: 'string', format: 'date-time', description })
const nullable = (schema: JsonSchema, description: string): JsonSchema => ({ description, anyOf: [schema, { type: 'null' }] })
const hhmm = (description: string): JsonSchema => ({ type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description })

// Record keyed by the union, so a value added to the TypeScript type fails to compile here.
const ENTRY_SOURCES: Record<ReportEntry['source'], true> = { card: true, pattern: true, insight: true }
const TIME_ROW_KINDS: Record<TimeRow['kind'], true> = { item: true, story: true }
const SECTIONS: ReportEntry['section'][] = PHASES.filter((phase) => phase !== 'none')

const cities = (description: string) => list(text('A city name.'), description)
const cards = (description: string) => list(ref('card'), description)
const entries = (description: string) => list(ref('entry'), description)

const $defs: Record<DefName, JsonSchema> = {
  cardKind: { description: 'A card kind of the W³ frame (What? So what? Now what?).', enum: [...CARD_KINDS] },
  lever: { description: 'One of the six levers of change of the NetZeroCities programme.', enum: [...LEVERS] },
  emissionDomain: { description: 'An emission domain.', enum: [...EMISSION_DOMAINS] },
  cityKind: { description: 'Whether a city runs a pilot or is twinned with a pilot city.', enum: [...CITY_KINDS] },
  section: { description: 'The harvest section: What?, So what? or Now what?', enum: SECTIONS },
  entrySource: { description: 'What a harvest entry was promoted from: a card, a pattern of cards, or an insight a harvester wrote.', enum: Object.keys(ENTRY_SOURCES) },
  storyStatus: {
    description: "Where a city's story stood when the report was made; \"no story\" for a city whose What? cards came without a story told.",
    // "no story" is not a queue status: buildReport writes it for cities heard only through their cards.
    enum: [...STORY_STATUSES, 'no story'],
  },
  timeRowKind: { description: 'An agenda item, or one storyteller within it.', enum: Object.keys(TIME_ROW_KINDS) },

  card: object<ReportCard>('A card of the board, with names instead of internal ids.', {
    id: text('Stable id of the card within the session.'),
    text: text('What the writer wrote, as plain text (may contain line breaks).'),
    kind: nullable(ref('cardKind'), 'The card kind, or null when nobody sorted the card.'),
    kindLabel: text('The kind as a person reads it ("Early outcome", "Challenge"), or "Unsorted".'),
    author: text('The writer\'s name, or "Anonymous" when the session hid authors.'),
    authorCity: text('The writer\'s own city; empty for facilitators and harvesters without one.'),
    authorCityKind: nullable(ref('cityKind'), "Whether the writer's city is a pilot or a twin; null without a city."),
    city: text("The city the card speaks about: the story's city for a card written during a story, otherwise the writer's city."),
    area: text('The board area id: "plenary", "story:<id>" or "room:<round>:<room>".'),
    areaLabel: text('The area as a person reads it, e.g. "Plenary" or "Breakouts – Room 2".'),
    round: nullable(text('Agenda item title.'), 'The agenda item of the breakout round the card was written in; null outside breakouts.'),
    levers: list(ref('lever'), 'Levers of change the card was tagged with.'),
    domains: list(ref('emissionDomain'), 'Emission domains the card was tagged with.'),
    tags: list(text('A tag.'), 'Free tags the card was given.'),
    pattern: nullable(text('Pattern name.'), 'The name of the pattern the card was grouped into, or null.'),
    votes: count("Dots the card received in the session's latest vote (0 without a vote)."),
    promoted: { type: 'boolean', description: 'Whether a harvester promoted the card, or its pattern, into the harvest.' },
    createdAt: dateTime('When the card was written.'),
  }),

  entry: object<ReportEntry>('Something a harvester promoted into the harvest, as they left it.', {
    id: text('Stable id of the entry within the session.'),
    text: text('The entry as the harvester worded it.'),
    source: ref('entrySource'),
    section: ref('section'),
    kind: nullable(ref('cardKind'), 'The card kind it stands for, or null.'),
    kindLabel: text('The kind as a person reads it, e.g. "Insight".'),
    cities: cities('The cities it came from.'),
    levers: list(ref('lever'), 'Levers of change it names.'),
    key: { type: 'boolean', description: 'Marked by a harvester as a key insight; key insights open the report.' },
  }),

  cityCards: object<CityCards>("One city's cards.", {
    city: text('The city.'),
    cards: cards('Its cards, oldest first.'),
  }),

  cityStory: object<CityStory>("What was said about one city's story: prepared, written during it and promoted from it.", {
    city: text('The storyteller\'s city.'),
    cityKind: nullable(ref('cityKind'), 'Pilot or twin; null when unknown.'),
    project: nullable(text('Project name.'), "The pilot's project name, for pilot cities; otherwise null."),
    storyteller: text('Who told the story.'),
    title: text("The story's title as prepared; empty when none was given."),
    status: ref('storyStatus'),
    prepared: list(
      object<CityStory['prepared'][number]>('One field of the prepared notes.', {
        label: text('The template field, e.g. "Milestones".'),
        text: text('What the storyteller wrote in it.'),
      }),
      "The storyteller's prepared notes, in template order; empty fields are left out.",
    ),
    outcomes: cards('Early outcomes: cards of kind "outcome" about this city.'),
    learnings: cards('Strategic learnings: cards of kind "learning" about this city.'),
    notes: cards("Other cards written during this city's story."),
    promoted: entries("Harvest entries promoted from this story's cards, or naming this city in the What? section."),
  }),

  kindSection: object<KindSection>("One card kind's cards, grouped by city, with what was promoted of that kind.", {
    kind: ref('cardKind'),
    label: text('The kind as a person reads it.'),
    entries: entries('Harvest entries of this kind.'),
    byCity: list(ref('cityCards'), 'Cards of this kind, grouped by the city they speak about.'),
  }),

  pattern: object<ReportPattern>('A pattern: cards a harvester grouped under one name.', {
    id: text('Stable id of the pattern within the session.'),
    name: text('The name the harvester gave it.'),
    cities: cities('The cities its cards came from.'),
    promoted: { type: 'boolean', description: 'Whether the pattern was promoted into the harvest.' },
    cards: cards('Its cards.'),
  }),

  leverSection: object<LeverSection>('Everything tagged with one lever of change.', {
    lever: ref('lever'),
    label: text('The lever as a person reads it.'),
    count: count('How many entries and cards name this lever.'),
    cities: cities('The cities they came from.'),
    entries: entries('Harvest entries naming this lever.'),
    cards: cards('Cards tagged with this lever.'),
  }),

  timeRow: object<TimeRow>('One line of the timekeeping record.', {
    kind: ref('timeRowKind'),
    title: text('The agenda item, or "City: story title" for a story.'),
    plannedMinutes: minutes('Minutes planned.'),
    actualMinutes: minutes('Minutes it actually took.'),
    overMinutes: minutes('Actual minus planned; positive is overtime.'),
  }),

  surveyStatement: object<SurveyStatement>("One agreement statement of the feedback survey and its answers.", {
    text: text('The statement.'),
    counts: {
      ...list(count('People who gave this answer.'), 'Five counts: strongly disagree, disagree, neutral, agree, strongly agree.'),
      minItems: 5,
      maxItems: 5,
    },
    answered: count('How many people answered it.'),
    agreed: count('How many agreed or strongly agreed.'),
  }),

  surveyQuestion: object<SurveyQuestion>("One open question of the feedback survey and its answers, without names.", {
    text: text('The question.'),
    answers: list(
      object<SurveyQuestion['answers'][number]>('One answer.', {
        text: text('The answer as written.'),
        cityKind: nullable(ref('cityKind'), "Whether the person who answered came from a pilot or a twin city; null when unknown."),
      }),
      'The answers.',
    ),
  }),

  survey: object<ReportSurvey>("The feedback survey's results, without names.", {
    responses: count('How many people answered the survey.'),
    pilotResponses: count('Of them, from pilot cities.'),
    twinResponses: count('Of them, from twin cities.'),
    statements: list(ref('surveyStatement'), 'Agreement statements.'),
    questions: list(ref('surveyQuestion'), 'Open questions.'),
  }),

  appendixArea: object<AppendixArea>('One area of the board, with all its cards, for the appendix.', {
    area: text('The board area id.'),
    label: text('The area as a person reads it.'),
    round: nullable(text('Agenda item title.'), 'The breakout round it belongs to, or null.'),
    cards: cards('Its cards, oldest first.'),
  }),
}

/**
 * The JSON Schema of the Harvest Report's JSON export (the `Report` value, version 1), served
 * at GET /api/report.schema.json so people outside the project can validate and read exports.
 */
export const REPORT_JSON_SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://harvest.example/schemas/report-v1.json',
  title: 'Harvest Report',
  ...object<Report>(
    'What one Collective Sensemaking session produced, as the harvesters left it: the stories told, the patterns and ' +
      'insights found (What? So what? Now what?), levers of change, timekeeping, the feedback survey and every card ' +
      'written on the board. A change to this shape gets a new version number and a new schema.',
    {
      version: { const: REPORT_VERSION, description: 'The version of this format.' },
      generatedAt: dateTime('The moment the report shows the session at.'),
      session: object<Report['session']>('The session.', {
        id: text('Stable id of the session.'),
        title: text('The session title.'),
        cluster: text('The cluster of cities it was held for.'),
        date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Calendar date of the session, YYYY-MM-DD.' },
        startsAt: hhmm('Planned start, HH:MM local time on the session date.'),
        endsAt: hhmm('Planned end, HH:MM local time on the session date.'),
      }),
      facilitators: list(text('A name.'), 'The facilitators.'),
      harvesters: list(text('A name.'), 'The harvesters.'),
      pilotCities: list(
        object<Report['pilotCities'][number]>('A pilot city.', {
          name: text('The city.'),
          project: nullable(text('Project name.'), "The pilot's project name, or null."),
          twins: cities('Its twin cities.'),
        }),
        'The pilot cities of the cluster.',
      ),
      twinCities: list(
        object<Report['twinCities'][number]>('A twin city.', {
          name: text('The city.'),
          twinOf: nullable(text('A pilot city.'), 'The pilot it is twinned with, or null.'),
        }),
        'The twin cities of the cluster.',
      ),
      commonThemes: text('The harvesters\' "Common themes" summary.'),
      keyInsights: entries('Entries marked as key insights, listed first as the action brief opens.'),
      what: object<Report['what']>('What? — what happened in the cities.', {
        summary: text("The harvesters' summary of the section."),
        entries: entries('Harvest entries of this section that no story or kind section lists (written insights, patterns of unsorted cards).'),
        stories: list(ref('cityStory'), 'One element per story.'),
      }),
      soWhat: object<Report['soWhat']>('So what? — what it means across the cities.', {
        summary: text("The harvesters' summary of the section."),
        entries: entries('Harvest entries of this section that no story or kind section lists (written insights, patterns of unsorted cards).'),
        patterns: list(ref('pattern'), 'The patterns harvesters formed.'),
        kinds: list(ref('kindSection'), 'The So what? card kinds, each with its cards and entries.'),
      }),
      nowWhat: object<Report['nowWhat']>('Now what? — what the cities will do next.', {
        summary: text("The harvesters' summary of the section."),
        entries: entries('Harvest entries of this section that no story or kind section lists (written insights, patterns of unsorted cards).'),
        kinds: list(ref('kindSection'), 'The Now what? card kinds, each with its cards and entries.'),
      }),
      unsorted: list(ref('cityCards'), 'Cards nobody sorted into a kind yet, outside any story, by city.'),
      levers: object<Report['levers']>('The levers of change.', {
        summary: text("The harvesters' summary of the section."),
        sections: list(ref('leverSection'), 'The levers of change, each with the entries and cards that name it.'),
      }),
      timekeeping: object<Report['timekeeping']>('Planned against actual time.', {
        rows: list(ref('timeRow'), 'Agenda items, and the stories told within them.'),
        plannedMinutes: minutes('Minutes planned in total.'),
        actualMinutes: minutes('Minutes taken in total.'),
      }),
      survey: nullable(ref('survey'), 'The feedback survey, or null when the session had none.'),
      appendix: list(ref('appendixArea'), 'Every area of the board with its cards.'),
      cards: cards('Every card once, oldest first (the rows of the CSV export).'),
    },
  ),
  $defs,
}
