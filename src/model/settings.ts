// Workspace settings: who the office's documents come from and go to. Kept in `<workspace>/settings.json`,
// edited with `taizhang config`; every field falls back to what the plan says.
import { z } from 'zod';

export const Settings = z.object({
  /** 发文机关署名: the signature of reports and bulletins; defaults to the plan's issuer. */
  issuer: z.string().optional(),
  /** 主送机关 of the 通报, e.g. `各处室、各单位`. */
  recipients: z.string().optional(),
  /** Whom units call with questions: on the guide sheet, the 退回重报 workbook and the documents. */
  contact: z.string().optional(),
  /** The 通报's 发文字号, e.g. `济环督〔2025〕3号`. */
  docNumber: z.string().optional(),
});
export type Settings = z.infer<typeof Settings>;

/** The Chinese names clerks type in `taizhang config set 名称 值`, with what each is. */
export const SETTING_NAMES: Record<keyof Settings, { name: string; text: string }> = {
  issuer: { name: '发文机关', text: '报告、通报落款的发文机关（默认为工作要点的发文单位）' },
  recipients: { name: '主送', text: '通报的主送机关（默认“各处室、各单位”）' },
  contact: { name: '联系人', text: '联系人和电话，写入调度表填报说明、退回重报表和通报' },
  docNumber: { name: '文号', text: '通报的发文字号，如“济环督〔2025〕3号”（默认不写）' },
};

export const DEFAULT_RECIPIENTS = '各处室、各单位';
