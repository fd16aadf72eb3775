/** Input limits enforced at the server boundary and mirrored in the client's forms. */
export const LIMITS = {
  titleMax: 200,
  clusterMax: 200,
  nameMax: 80,
  cityMax: 120,
  cardTextMax: 2000,
  citiesMax: 100,
  /** Largest single board frame the server accepts, in bytes. */
  boardFrameMaxBytes: 1024 * 1024,
  /** Largest HTTP JSON body, in bytes. */
  httpBodyMaxBytes: 64 * 1024,
} as const

/** Limits of session control: agenda, stories and notes. */
export const CONTROL_LIMITS = {
  agendaItemsMax: 50,
  storiesMax: 60,
  promptMax: 1000,
  itemMinutesMax: 12 * 60,
  storyMinutesMax: 120,
  noteFieldMax: 4000,
} as const

/** Limits of the shared board, enforced by the server on every update. */
export const BOARD_LIMITS = {
  cardsMax: 20_000,
  patternsMax: 2_000,
  tagsPerCardMax: 20,
  tagMax: 60,
  areaMax: 120,
  patternNameMax: 120,
} as const

/** Limits of breakouts. */
export const BREAKOUT_LIMITS = {
  roomsMax: 100,
  roundsMax: 20,
  topicsMax: 200,
  roomNameMax: 120,
  topicLineMax: 280,
  bannerMax: 500,
  linkMax: 2000,
  closeCountdownMaxSeconds: 300,
} as const
