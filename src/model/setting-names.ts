// The Chinese names of the workspace settings, apart from their zod schema so the CLI's help can list them
// without loading zod. settings.ts checks that the two name the same settings; this module imports nothing.

/** The Chinese names clerks type in `taizhang config set 名称 值`, with what each is. */
export const SETTING_NAMES = {
  issuer: { name: '发文机关', text: '报告、通报落款的发文机关（默认为工作要点的发文单位）' },
  recipients: { name: '主送', text: '通报的主送机关（默认“各处室、各单位”）' },
  contact: { name: '联系人', text: '联系人和电话，写入调度表填报说明、退回重报表和通报（未设置时通报中为【待填：联系人及电话】）' },
  issuerMark: { name: '发文机关标志', text: '通报版头的红色发文机关标志（默认为发文机关加“文件”，如“济南市生态环境局文件”）' },
  docNumber: { name: '文号', text: '通报的发文字号，如“济环督〔2025〕3号”（默认不写）' },
  cc: { name: '抄送', text: '通报版记的抄送机关，如“市委督查室，市政府督查室”（未设置时版记中为【待填：抄送】，无抄送机关时请删去该行）' },
  printer: { name: '印发机关', text: '通报版记的印发机关，如“济南市生态环境局办公室”（默认为发文机关）' },
  imapServer: { name: '收件服务器', text: '收取各单位回复的邮箱，如“imaps://zhb@jnepb.gov.cn@mail.jnepb.gov.cn:993”（口令不保存，取自环境变量 TAIZHANG_MAIL_PASSWORD 或运行时输入）' },
  smtpServer: { name: '发件服务器', text: '发送邮件的服务器，如“smtps://zhb@jnepb.gov.cn@mail.jnepb.gov.cn:465”或“smtp://…:587”（STARTTLS）' },
  mailFrom: { name: '发件人', text: '邮件的发件人，如“综合处 <zhb@jnepb.gov.cn>”' },
  reportThemes: { name: '报告主题', text: '报告按主题归并章节并命名，如“污染防治攻坚扎实深入=四,五,六；全面从严治党纵深推进=十四”（默认每章一节）' },
} as const satisfies Record<string, { name: string; text: string }>;
