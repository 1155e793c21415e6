// Reads and writes the workspace settings file, validated by the Settings schema.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Settings, SETTING_NAMES } from '../model/settings.ts';
import { UserError } from '../util/errors.ts';
import { writeFileAtomic } from '../util/files.ts';

export const SETTINGS_FILE = 'settings.json';

export function readSettings(workspace: string): Settings {
  const file = join(workspace, SETTINGS_FILE);
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`设置文件 ${file} 不是有效的 JSON（${(e as Error).message}）。`, '请改正或删除该文件后用 npx taizhang config set 重新设置。');
  }
  const parsed = Settings.safeParse(raw);
  if (!parsed.success) {
    throw new UserError(`设置文件 ${file} 的内容有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}。`, '请用 npx taizhang config set 名称 值 重新设置。');
  }
  return parsed.data;
}

/** The settings key a clerk means by a Chinese (or English) name. */
export function settingKey(name: string): keyof Settings {
  for (const [key, info] of Object.entries(SETTING_NAMES)) if (info.name === name || key === name) return key as keyof Settings;
  throw new UserError(`没有名为“${name}”的设置。`, `可设置：${Object.values(SETTING_NAMES).map((x) => x.name).join('、')}。`);
}

export async function writeSettings(workspace: string, settings: Settings): Promise<string> {
  await mkdir(workspace, { recursive: true });
  const file = join(workspace, SETTINGS_FILE);
  await writeFileAtomic(file, `${JSON.stringify(Settings.parse(settings), null, 2)}\n`);
  return file;
}
