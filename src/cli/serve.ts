// `taizhang serve`: the 工作台 on the workspace, in a browser. On this computer only unless --host is given, and
// then only with a password.
import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { UserError } from '../util/errors.ts';
import { withWorkspaceOption, workspaceOf, type GlobalOptions } from './context.ts';
import { say } from './say.ts';

export function register(program: Command): void {
  withWorkspaceOption(
    program
      .command('serve')
      .description('启动工作台：在浏览器中完成计划、下发、收集、进度、报告和催报（默认仅本机可访问）')
      .option('-p, --port <端口>', '端口', '4800')
      .option('--host <地址>', '供局域网访问时监听的地址（如 0.0.0.0）；须同时设置密码')
      .option('--password <密码>', '局域网访问密码（也可用环境变量 TAIZHANG_PASSWORD 设置，避免留在命令历史中）')
      .option('--no-open', '不自动打开浏览器'),
  ).action(async (opts: GlobalOptions & { port: string; host?: string; password?: string; open: boolean }) => {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`端口“${opts.port}”无效。`, '请填写 1–65535 之间的数字，如 --port 4800。');
    const password = opts.password ?? process.env.TAIZHANG_PASSWORD;
    const lan = opts.host !== undefined && !['127.0.0.1', 'localhost', '::1'].includes(opts.host);
    if (lan && (!password || password.length < 8)) {
      throw new UserError('在局域网中开放工作台必须设置至少 8 位的密码。', '请加 --password <密码>，或设置环境变量 TAIZHANG_PASSWORD 后再运行。');
    }
    const [{ createWorkbench }, { hashPassword, newToken }, { networkInterfaces }] = await Promise.all([import('../web/server.ts'), import('../web/security.ts'), import('node:os')]);
    const workspace = workspaceOf(opts);
    const hosts = new Set<string>();
    const access = { hosts, token: newToken(), password: lan ? hashPassword(password!) : null };
    const app = await createWorkbench({ workspace, access });
    try {
      await app.listen({ host: lan ? opts.host! : '127.0.0.1', port });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UserError(`端口 ${port} 已被占用（可能已有一个工作台在运行）。`, '请换一个端口，如 --port 4801。');
      throw e;
    }
    const actual = (app.server.address() as { port: number }).port;
    // The names this server answers to; any other Host is refused (DNS rebinding).
    for (const name of ['127.0.0.1', 'localhost']) hosts.add(`${name}:${actual}`);
    if (lan) {
      if (!['0.0.0.0', '::'].includes(opts.host!)) hosts.add(`${opts.host}:${actual}`);
      for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) if (i.family === 'IPv4') hosts.add(`${i.address}:${actual}`);
    }
    const url = lan ? `http://127.0.0.1:${actual}/` : `http://127.0.0.1:${actual}/?token=${access.token}`;
    say(`工作台已启动（工作目录：${workspace}）`);
    say(`请在浏览器中打开：${url}`);
    if (lan) {
      say(`\n注意：工作台已在局域网开放，同一网络中的计算机可通过以下地址访问（须输入密码）：`);
      for (const h of hosts) if (!h.startsWith('127.0.0.1') && !h.startsWith('localhost')) say(`  http://${h}/`);
      say('请勿在公共网络中使用；用完请按 Ctrl+C 关闭。');
    } else {
      say('（仅本机可访问；地址中含一次性口令，请勿外传。按 Ctrl+C 关闭。）');
    }
    if (opts.open && process.env.TAIZHANG_NO_OPEN === undefined) openBrowser(url);
    await new Promise<void>((resolve) => {
      const stop = () => void app.close().then(() => resolve());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });
}

/** Opens the default browser; a machine without one simply shows the printed address. */
function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser to open: the address is printed
  }
}
