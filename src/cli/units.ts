// `taizhang units`: the unit registry (单位名录) — list with what is missing, import an office's 通讯录, export it for
// editing, accept the contacts units wrote in their workbooks.
import type { Command } from 'commander';
import { printable } from '../util/printable.ts';
import { EXIT } from './exit.ts';
import { openLedger, withWorkspaceOption, workspaceOf, type GlobalOptions } from './context.ts';

export function register(program: Command): void {
  const units = withWorkspaceOption(program.command('units').description('单位名录：各单位联系人、电话、邮箱；列出缺少的信息和待确认的联系人更新'))
    .action(async (opts: GlobalOptions) => {
      const ledger = await openLedger(opts);
      try {
        const { listUnits } = await import('../units/index.ts');
        const listing = listUnits(ledger);
        console.log(`单位名录（${listing.units.length} 个单位）：`);
        for (const u of listing.units) {
          const r = u.registered;
          console.log(`  ${u.unit}  ${r?.contact || '—'}  ${r?.phone || '—'}  ${r?.emails.join('；') || '—'}${u.missing.length ? `  【缺${u.missing.join('、')}】` : ''}`);
        }
        for (const r of listing.extra) console.log(`  ${r.unit}（不在已下发的轮次中）  ${r.contact || '—'}  ${r.phone || '—'}  ${r.emails.join('；') || '—'}`);
        const lacking = listing.units.filter((u) => u.missing.length);
        const noMail = listing.units.filter((u) => u.missing.includes('邮箱'));
        console.log(
          lacking.length
            ? `\n信息不全的单位 ${lacking.length} 个，其中没有邮箱的 ${noMail.length} 个${noMail.length ? `（${noMail.map((u) => u.unit).join('、')}）` : ''}，无法用邮件下发和催报。`
            : '\n全部单位的联系人、电话、邮箱均已登记。',
        );
        if (listing.offers.length) {
          console.log(`\n各单位在调度表中填写的联系人与名录不同（${listing.offers.length} 个），确认后可更新名录：`);
          for (const o of listing.offers) console.log(`  ${o.unit}：填报人 ${printable(o.contact) || '—'}，联系电话 ${printable(o.phone) || '—'}　← ${printable(o.file)}`);
          console.log('确认更新：npx taizhang units accept <单位>…（全部确认：npx taizhang units accept --all）');
        }
        if (lacking.length) console.log(`补全：npx taizhang units export -o 单位名录.xlsx，填写后 npx taizhang units import 单位名录.xlsx`);
      } finally {
        ledger.close();
      }
    });
  units
    .command('import <通讯录.xlsx>')
    .description('导入通讯录：按表头找“单位/单位名称”“联系人”“电话/手机”“邮箱/电子邮箱”列，单位名称与工作要点核对')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const ledger = await openLedger(cmd.optsWithGlobals<GlobalOptions>());
      try {
        const { importUnits } = await import('../units/index.ts');
        const result = await importUnits(ledger, file);
        console.log(`已导入通讯录 ${file}（工作表“${result.sheet}”）：新增 ${result.added.length} 个单位，更新 ${result.changed.length} 个，未变 ${result.unchanged} 个。`);
        for (const c of result.changed) console.log(`  ${c.unit}：${c.changes.map(printable).join('；')}`);
        if (result.unknown.length) {
          console.log(`\n以下 ${result.unknown.length} 行的单位不是已下发轮次中的单位，未导入：`);
          for (const u of result.unknown) console.log(`  ${u.cell}：${printable(u.name)}`);
        }
        if (result.problems.length) {
          console.log(`\n有 ${result.problems.length} 处问题，相应内容未导入：`);
          for (const p of result.problems) console.log(`  ${p.cell}：${printable(p.message)}`);
          process.exitCode = EXIT.needsAttention;
        }
        console.log('\n查看名录和缺少的信息：npx taizhang units');
      } finally {
        ledger.close();
      }
    });
  units
    .command('export')
    .description('导出单位名录为 Excel（每个单位一行，填写后可用 units import 再导入）')
    .option('-o, --output <文件>', '输出文件', '单位名录.xlsx')
    .action(async (o: { output: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const ledger = await openLedger(opts);
      try {
        const [{ exportUnits }, { writeFileAtomic }] = await Promise.all([import('../units/index.ts'), import('../util/files.ts')]);
        await writeFileAtomic(o.output, await exportUnits(ledger));
        console.log(`单位名录已写入 ${o.output}（工作目录 ${workspaceOf(opts)}）。填写后运行：npx taizhang units import ${o.output}`);
      } finally {
        ledger.close();
      }
    });
  units
    .command('set <单位>')
    .description('修改一个单位的联系人、电话或邮箱（未给出的保持不变）')
    .option('--contact <联系人>', '联系人')
    .option('--phone <电话>', '电话（多个用顿号隔开）')
    .option('--email <邮箱>', '邮箱（多个用分号隔开；给出即替换原有的全部邮箱）')
    .action(async (unit: string, o: { contact?: string; phone?: string; email?: string }, cmd: Command) => {
      const ledger = await openLedger(cmd.optsWithGlobals<GlobalOptions>());
      try {
        const { editUnit } = await import('../units/index.ts');
        const u = editUnit(ledger, unit, { contact: o.contact, phone: o.phone, emails: o.email });
        console.log(`已更新 ${u.unit}：联系人 ${u.contact || '—'}，电话 ${u.phone || '—'}，邮箱 ${u.emails.join('；') || '—'}`);
      } finally {
        ledger.close();
      }
    });
  units
    .command('accept [单位...]')
    .description('确认各单位在调度表中填写的联系人、电话，更新到名录')
    .option('--all', '确认全部待确认的更新')
    .action(async (names: string[], o: { all?: boolean }, cmd: Command) => {
      const { UserError } = await import('../util/errors.ts');
      if (!names.length && !o.all) throw new UserError('请指定要确认的单位，或用 --all 确认全部。', '先运行 npx taizhang units 查看待确认的联系人更新。');
      const ledger = await openLedger(cmd.optsWithGlobals<GlobalOptions>());
      try {
        const { acceptOffers } = await import('../units/index.ts');
        const applied = acceptOffers(ledger, names);
        console.log(applied.length ? `已更新 ${applied.length} 个单位的联系人：${applied.map((a) => `${a.unit}（${printable(a.contact) || '—'}，${printable(a.phone) || '—'}）`).join('、')}` : '没有待确认的联系人更新。');
      } finally {
        ledger.close();
      }
    });
}
