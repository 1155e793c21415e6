// The unit registry (单位名录): whom to contact at each unit of a plan, by phone and by mail. One row per unit,
// kept in the ledger (units table), imported from an office's own 通讯录 and exported for editing.
import * as z from './zod.ts';

/** An e-mail address as offices write them: local part, @, a domain with a dot; no spaces or angle brackets. */
export const EMAIL = /^[^\s@<>()"',;，；、]+@[^\s@<>()"',;，；、]+\.[^\s@<>()"',;，；、]+$/;

export const UnitContact = z.object({
  /** The unit's name as the plan registers it. */
  unit: z.string().min(1),
  /** 联系人. */
  contact: z.string(),
  /** 电话 / 手机: as written, several joined by 、. */
  phone: z.string(),
  /** 邮箱: every address the unit's mail goes to. */
  emails: z.array(z.string().regex(EMAIL)),
  /** Other names the unit goes by in the 通讯录 (the name as written there when it differs from the plan's). */
  aliases: z.array(z.string()),
  updatedAt: z.string(),
});
export type UnitContact = z.infer<typeof UnitContact>;

/** A contact a unit wrote in its own workbook (填报人, 联系电话) that differs from the registry: offered, never applied silently. */
export const ContactOffer = z.object({
  unit: z.string(),
  contact: z.string(),
  phone: z.string(),
  /** Where it was written: the submission's file and its time. */
  file: z.string(),
  receivedAt: z.string(),
});
export type ContactOffer = z.infer<typeof ContactOffer>;

/** Splits a cell of addresses or phones written several to a cell: 、，,；; spaces and new lines all separate. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s、，,；;／/]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}
