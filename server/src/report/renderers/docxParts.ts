import { AlignmentType, BorderStyle, HeadingLevel, LineRuleType, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { IRunOptions, IStylesOptions } from 'docx'
import type { ReportCard, ReportEntry } from '@harvest/shared'
import { cardMeta, entryMeta } from './reportText'

/** A4 with 2.5 cm margins, in twips: what the page leaves for text, tables and charts. */
export const PAGE = { width: 11906, height: 16838, margin: 1418 } as const
/** The width left between the margins, in twips. */
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin

/** The grey of metadata after a card or entry, dark enough to print. */
const MUTED = '595959'
const RULE = 'BFBFBF'
const HEADER_FILL = 'E7EEF5'

const FONT = 'Calibri'
const headingStyle = (size: number, color: string, before: number, outlineLevel: number) => ({
  run: { font: FONT, size, bold: true, color },
  // The outline level is what Word's navigation pane and table of contents read.
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
})

/** The document's styles: a common sans at 11 pt, and headings Word knows as headings. */
export const DOCX_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
    title: { run: { font: FONT, size: 44, bold: true, color: '1F4E79' }, paragraph: { spacing: { after: 120 } } },
    heading1: headingStyle(32, '1F4E79', 480, 0),
    heading2: headingStyle(26, '2E74B5', 320, 1),
    heading3: headingStyle(23, '1F4D78', 240, 2),
    listParagraph: { paragraph: { spacing: { after: 60 } } },
  },
}

type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>

/** Runs for user-written text; each line of it becomes a line in Word (docx escapes the text itself). */
export function lines(text: string, style: RunStyle = {}): TextRun[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }))
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const

/** A paragraph in Word's own Heading 1–3 style, so the navigation pane and a table of contents find it. */
export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  return new Paragraph({ heading: HEADINGS[level], children: lines(text) })
}

/** The document's title, in Word's Title style. */
export function title(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: lines(text) })
}

/** A body paragraph of user-written text, or of runs already made. */
export function para(content: string | TextRun[], style: RunStyle = {}): Paragraph {
  return new Paragraph({ children: typeof content === 'string' ? lines(content, style) : content })
}

/** What an empty section says instead of its content ("No cards yet."). */
export function note(text: string, spaceBefore = 0): Paragraph {
  return new Paragraph({ spacing: { before: spaceBefore }, children: lines(text, { italics: true, color: MUTED }) })
}

/** A bold line that introduces the list below it and stays on its page. */
export function lead(text: string): Paragraph {
  return new Paragraph({ keepNext: true, children: lines(text, { bold: true }) })
}

/** "Label: value" with the label in bold. */
export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...lines(value)] })
}

/** One item of a real Word bulleted list. */
export function bullet(children: TextRun[], level = 0): Paragraph {
  return new Paragraph({ bullet: { level }, children })
}

/** Muted metadata after a card's or entry's text: " — Challenge · Umeå · Writer 4". */
function meta(text: string): TextRun[] {
  return text === '' ? [] : [new TextRun({ text: ` — ${text}`, color: MUTED, size: 20 })]
}

/** A card as one bullet: its text, then what `describe` says of it (author, city, levers, votes). */
export function cardItem(card: ReportCard, describe: (card: ReportCard) => string = cardMeta): Paragraph {
  return bullet([...lines(card.text), ...meta(describe(card))])
}

/** Cards as bullets, or a short note when there are none. */
export function cardList(cards: ReportCard[], describe?: (card: ReportCard) => string, empty = 'No cards yet.'): Paragraph[] {
  return cards.length === 0 ? [note(empty)] : cards.map((c) => cardItem(c, describe))
}

/** Harvest entries as bullets, in bold as the harvesters' own words, with the cities they came from. */
export function entryList(entries: ReportEntry[], empty = 'Nothing promoted yet.'): Paragraph[] {
  return entries.length === 0 ? [note(empty)] : entries.map((e) => bullet([...lines(e.text, { bold: true }), ...meta(entryMeta(e))]))
}

/** A table cell's content: plain text, or paragraphs already made (such as a list). */
export type Cell = string | Paragraph[]

/** A data table: the header row repeats on every page, and no row splits across pages. */
export interface TableSpec {
  /** Column headings; a line break in one keeps a long heading from breaking mid-word. */
  header: string[]
  rows: Cell[][]
  /** Each column's share of the page width; they add up to 1. */
  widths: number[]
  /** Columns of numbers, aligned right. */
  numeric?: boolean[]
  /** A last row in bold, such as totals. */
  footer?: string[]
  /** 9 pt instead of 11, for tables of many narrow columns. */
  small?: boolean
}

interface CellStyle {
  bold?: boolean
  right?: boolean
  fill?: string
  size?: number
}

function cell(content: Cell, width: number, style: CellStyle = {}): TableCell {
  // The cell's margins pad it, so its own paragraphs need no space after them.
  const text = (t: string) =>
    new Paragraph({
      alignment: style.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: { after: 0 },
      children: lines(t, { bold: style.bold, size: style.size }),
    })
  const children = typeof content === 'string' ? [text(content)] : content
  return new TableCell({
    children: children.length > 0 ? children : [text('')],
    width: { size: width, type: WidthType.DXA },
    ...(style.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: style.fill } } : {}),
  })
}

const border = { style: BorderStyle.SINGLE, size: 4, color: RULE }

function frame(shares: number[], rows: (widths: number[]) => TableRow[]): Table {
  // Explicit twips, not percentages: LibreOffice, Google Docs and Pages lay tables out from the grid.
  const widths = shares.map((share) => Math.round(share * CONTENT_WIDTH))
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    margins: { top: 80, bottom: 80, left: 100, right: 100 },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows(widths),
  })
}

/** A real Word table with a header row. */
export function table(spec: TableSpec): Table {
  const size = spec.small ? 18 : undefined
  return frame(spec.widths, (widths) => {
    const row = (cells: Cell[], style: CellStyle = {}, header = false) =>
      new TableRow({
        cantSplit: true,
        // Only set on header rows: docx writes `false` as w:val="off", which some readers take for a header.
        ...(header ? { tableHeader: true } : {}),
        children: cells.map((c, i) => cell(c, widths[i] ?? 0, { ...style, size, right: spec.numeric?.[i] ?? false })),
      })
    return [
      row(spec.header, { bold: true, fill: HEADER_FILL }, true),
      ...spec.rows.map((r) => row(r)),
      ...(spec.footer ? [row(spec.footer, { bold: true })] : []),
    ]
  })
}

/** A table of labels and values without a header row, as the programme's reports open. */
export function factTable(facts: [string, Cell][]): Table {
  return frame([0.28, 0.72], ([label = 0, value = 0]) =>
    facts.map(([name, content]) => new TableRow({ cantSplit: true, children: [cell(name, label, { bold: true, fill: HEADER_FILL }), cell(content, value)] })),
  )
}
