import type { LearningPack, ReportCard, ReportEntry } from '@harvest/shared'
import { escapeMarkdown } from '../renderers/escape'
import { entryMeta, generatedLabel, names } from '../renderers/reportText'
import { OFFERS_RULE, PACK_PURPOSE, PACK_SECTIONS, cityLine, packAbout, packCardMeta, packTitle } from './packText'

const inItem = (text: string) => escapeMarkdown(text, '\\\n  ')
const oneLine = (text: string) => escapeMarkdown(text, ' ')
const note = (text: string) => `*${oneLine(text)}*`
const item = (text: string, meta: string) => (meta ? `- ${inItem(text)} — *${oneLine(meta)}*` : `- ${inItem(text)}`)
const cards = (list: ReportCard[], empty: string) => (list.length > 0 ? list.map((c) => item(c.text, packCardMeta(c))).join('\n') : note(empty))
const entries = (list: ReportEntry[], empty: string) => (list.length > 0 ? list.map((e) => item(e.text, entryMeta(e))).join('\n') : note(empty))

function story(pack: LearningPack): string[] {
  const s = pack.story
  if (!s) return [note(PACK_SECTIONS.story.empty)]
  const fields = s.prepared.map((f) => `- **${oneLine(f.label)}:** ${inItem(f.text.trim())}`)
  return [
    `**Story:** ${s.title.trim() ? oneLine(s.title) : '*No title given*'} — *${oneLine(`Storyteller: ${s.storyteller || 'not named'}`)}*`,
    fields.length > 0 ? fields.join('\n') : note('No notes prepared.'),
  ]
}

/** One city's learning pack as CommonMark; user text is escaped so it reads as exactly what was written. */
export async function renderPackMarkdown(pack: LearningPack): Promise<string> {
  const { duringStory, patterns, keyInsights, offers, questions } = PACK_SECTIONS
  const patternBlocks = pack.patterns.flatMap((p) => [`### ${oneLine(p.name)}`, note(`Cities: ${names(p.cities)}`), cards(p.cards, 'No cards.')])
  const blocks = [
    `# ${oneLine(packTitle(pack))}`,
    `**${oneLine(cityLine(pack))}**  \n${oneLine(packAbout(pack))}`,
    note(`${PACK_PURPOSE} Generated ${generatedLabel(pack.generatedAt)}.`),
    `## ${PACK_SECTIONS.story.title}`,
    ...story(pack),
    `## ${duringStory.title}`,
    cards(pack.duringStory, duringStory.empty),
    `## ${patterns.title}`,
    ...(patternBlocks.length > 0 ? patternBlocks : [note(patterns.empty)]),
    `## ${keyInsights.title}`,
    entries(pack.keyInsights, keyInsights.empty),
    `## ${offers.title}`,
    note(OFFERS_RULE),
    ...(pack.offers.entries.length > 0 ? ['**From the harvest**', entries(pack.offers.entries, '')] : []),
    ...(pack.offers.cards.length > 0 ? ['**Cards**', cards(pack.offers.cards, '')] : []),
    ...(pack.offers.entries.length + pack.offers.cards.length === 0 ? [note(offers.empty)] : []),
    `## ${questions.title}`,
    cards(pack.questions, questions.empty),
  ]
  return `${blocks.join('\n\n')}\n`
}
