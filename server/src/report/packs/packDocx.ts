import { Document, Packer } from 'docx'
import type { FileChild } from 'docx'
import type { LearningPack, ReportCard } from '@harvest/shared'
import { DOCX_STYLES, PAGE, cardList, entryList, heading, labelled, lead, note, para, title } from '../renderers/docxParts'
import { generatedLabel, names } from '../renderers/reportText'
import { OFFERS_RULE, PACK_PURPOSE, PACK_SECTIONS, cityLine, packAbout, packCardMeta, packTitle } from './packText'

const cards = (list: ReportCard[], empty: string) => cardList(list, packCardMeta, empty)

function story(pack: LearningPack): FileChild[] {
  const s = pack.story
  if (!s) return [note(PACK_SECTIONS.story.empty)]
  return [
    labelled('Story', s.title.trim() || 'No title given'),
    labelled('Storyteller', s.storyteller || 'not named'),
    ...(s.prepared.length > 0 ? s.prepared.map((f) => labelled(f.label, f.text.trim())) : [note('No notes prepared.')]),
  ]
}

/** One city's learning pack as a Word document on A4, with Word's own headings and lists. */
export async function renderPackDocx(pack: LearningPack): Promise<Uint8Array> {
  const S = PACK_SECTIONS
  const offers = pack.offers
  const doc = new Document({
    title: packTitle(pack),
    subject: 'Learning pack',
    creator: 'Harvest',
    lastModifiedBy: 'Harvest',
    styles: DOCX_STYLES,
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } },
        },
        children: [
          title(packTitle(pack)),
          para(cityLine(pack), { bold: true }),
          para(packAbout(pack)),
          note(`${PACK_PURPOSE} Generated ${generatedLabel(pack.generatedAt)}.`),
          heading(S.story.title, 1),
          ...story(pack),
          heading(S.duringStory.title, 1),
          ...cards(pack.duringStory, S.duringStory.empty),
          heading(S.patterns.title, 1),
          ...(pack.patterns.length > 0
            ? pack.patterns.flatMap((p) => [heading(p.name, 2), note(`Cities: ${names(p.cities)}`), ...cards(p.cards, 'No cards.')])
            : [note(S.patterns.empty)]),
          heading(S.keyInsights.title, 1),
          ...entryList(pack.keyInsights, S.keyInsights.empty),
          heading(S.offers.title, 1),
          note(OFFERS_RULE),
          ...(offers.entries.length > 0 ? [lead('From the harvest'), ...entryList(offers.entries)] : []),
          ...(offers.cards.length > 0 ? [lead('Cards'), ...cards(offers.cards, '')] : []),
          ...(offers.entries.length + offers.cards.length === 0 ? [note(S.offers.empty)] : []),
          heading(S.questions.title, 1),
          ...cards(pack.questions, S.questions.empty),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
