// Workspace settings: who the office's documents come from and go to. Kept in `<workspace>/settings.json`,
// edited with `taizhang config`; every field falls back to what the plan says.
import type { SETTING_NAMES } from './setting-names.ts';
import * as z from './zod.ts';

export const Settings = z.object({
  /** 发文机关署名: the signature of reports and bulletins; defaults to the plan's issuer. */
  issuer: z.string().optional(),
  /** 主送机关 of the 通报, e.g. `各处室、各单位`. */
  recipients: z.string().optional(),
  /** Whom units call with questions: on the guide sheet, the 退回重报 workbook and the documents. */
  contact: z.string().optional(),
  /** The 通报's 发文机关标志 in its red 版头 (GB/T 9704 7.2.3); defaults to the 发文机关 and `文件`. */
  issuerMark: z.string().optional(),
  /** The 通报's 发文字号, e.g. `济环督〔2025〕3号`. */
  docNumber: z.string().optional(),
  /** 抄送机关 of the 通报's 版记 (GB/T 9704), e.g. `市委督查室，市政府督查室`; no 抄送 line when unset. */
  cc: z.string().optional(),
  /** 印发机关 of the 版记: the office that prints and sends the document; defaults to the 发文机关. */
  printer: z.string().optional(),
  /** 报告主题: the report's sections as groups of chapters, `标题=四,五,六；标题=十四` (see report/themes.ts). */
  reportThemes: z.string().optional(),
  /** 收件服务器: `imaps://user@host:993` or `imap://user@host:143` (STARTTLS); the mailbox units reply to. */
  imapServer: z.string().optional(),
  /** 发件服务器: `smtps://user@host:465` or `smtp://user@host:587` (STARTTLS). */
  smtpServer: z.string().optional(),
  /** 发件人: `综合处 <zhb@….gov.cn>`, the From of every message the office sends. */
  mailFrom: z.string().optional(),
});
export type Settings = z.infer<typeof Settings>;

export { SETTING_NAMES } from './setting-names.ts';

/** Every setting has its Chinese name and every name its setting: this line does not compile otherwise. */
export const SETTINGS_NAMED: [keyof Settings, keyof typeof SETTING_NAMES] extends [keyof typeof SETTING_NAMES, keyof Settings] ? true : never = true;

export const DEFAULT_RECIPIENTS = '各处室、各单位';
