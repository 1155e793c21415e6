// The 文号 each round's documents were given, kept in `<workspace>/doc-numbers.json`, so that `report` can warn
// when a 文号 comes round again on another round's document.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/files.ts';
import type { DocNumberUse } from './index.ts';

export const DOC_NUMBERS_FILE = 'doc-numbers.json';

/** The record, or none when the file is missing or unreadable (it only serves a warning; nothing rests on it). */
export function readDocNumbers(workspace: string): DocNumberUse[] {
  const file = join(workspace, DOC_NUMBERS_FILE);
  if (!existsSync(file)) return [];
  try {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(data) ? data.filter((x) => typeof x?.docNumber === 'string' && typeof x?.round === 'string' && typeof x?.document === 'string') : [];
  } catch {
    return [];
  }
}

export async function writeDocNumbers(workspace: string, uses: DocNumberUse[]): Promise<void> {
  await writeFileAtomic(join(workspace, DOC_NUMBERS_FILE), `${JSON.stringify(uses, null, 2)}\n`);
}
