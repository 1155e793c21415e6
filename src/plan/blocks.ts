// The raw content of a plan document, before any meaning is given to it: paragraphs and tables.
// Each format has an extractor that returns blocks; one mapper (outline.ts) turns blocks into the plan model.

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** Line (txt) or paragraph number (docx), 1-based, for messages. */
  line: number;
  /** Heading level from the document's styles (docx), when it has one. */
  heading: 1 | 2 | 3 | null;
  /** The bold run the paragraph starts with (docx), the usual mark of a task's lead sentence. */
  boldLead: string | null;
}

export interface TableBlock {
  kind: 'table';
  /** Cells row by row; a cell spanning several columns appears once with its span. */
  rows: { text: string; colspan: number }[][];
  line: number;
}

export type Block = ParagraphBlock | TableBlock;

export interface ExtractedDocument {
  blocks: Block[];
  /** `行` for text files, `段` for Word files: how `line` is read out in messages. */
  lineWord: '行' | '段';
  encoding: string;
}

/** Strips artifacts that converters leave in text: `[bookmark: …]`, zero-width and odd spaces. */
export function cleanText(text: string): string {
  return text
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '')
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
