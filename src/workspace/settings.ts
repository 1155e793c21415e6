// The workspace's 公文设置 (settings.json) as a form shows and saves them: a field left unset shows what the
// documents will use anyway (the plan's issuer, the usual 主送), and saving such a shown default changes nothing,
// so the documents keep following the plan.
import { readSettings, writeSettings } from '../ledger/settings.ts';
import type { Plan } from '../model/plan.ts';
import { DEFAULT_RECIPIENTS, Settings } from '../model/settings.ts';
import { UserError } from '../util/errors.ts';

/** What the documents use for a setting left unset. */
export function settingDefaults(plan: Pick<Plan, 'issuer'> | null): Partial<Record<keyof Settings, string>> {
  return { issuer: plan?.issuer.trim() || undefined, recipients: DEFAULT_RECIPIENTS };
}

/** The settings with each unset field shown as its default, and which fields are such defaults. */
export function settingsForForm(workspace: string, plan: Pick<Plan, 'issuer'> | null): { values: Settings; defaulted: (keyof Settings)[] } {
  const saved = readSettings(workspace);
  const defaults = settingDefaults(plan);
  const defaulted = (Object.keys(defaults) as (keyof Settings)[]).filter((k) => !saved[k] && defaults[k]);
  return { values: { ...saved, ...Object.fromEntries(defaulted.map((k) => [k, defaults[k]])) }, defaulted };
}

/**
 * Saves the settings a form sent, over those saved: a blank field clears its setting, and a field still showing the
 * default of an unset setting leaves it unset. Checked by the Settings schema before anything is written.
 */
export async function saveFormSettings(workspace: string, sent: Record<string, string | undefined>, plan: Pick<Plan, 'issuer'> | null): Promise<Settings> {
  const saved = readSettings(workspace);
  const defaults = settingDefaults(plan);
  const kept = Object.fromEntries(
    Object.entries(sent).filter(([k, v]) => !(saved[k as keyof Settings] === undefined && v !== undefined && v.trim() === defaults[k as keyof Settings])),
  );
  const next = Object.fromEntries(Object.entries({ ...saved, ...kept }).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Settings.safeParse(next);
  if (!parsed.success) throw new UserError(`公文设置有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}。`);
  await writeSettings(workspace, parsed.data);
  return parsed.data;
}
