// The one place the 工作台's security is enforced, before any route runs: headers on every answer, our own Host
// name only (no DNS rebinding), the start-up token or a LAN session, and changes only from our own pages. The LAN
// login that opens a session lives here too.
import type { FastifyInstance } from 'fastify';
import type { WebContext } from './context.ts';
import { COOKIE, LoginThrottle, Sessions, fromOwnPage, passwordMatches, sameSecret } from './security.ts';

/** The Content-Security-Policy of every page: nothing inline, nothing from elsewhere, never in a frame. */
export const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

export function installGuard(app: FastifyInstance, ctx: WebContext): void {
  const sessions = new Sessions();
  const { access } = ctx.options;
  const lan = access.password !== null;
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Frame-Options', 'DENY');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Content-Security-Policy', CSP);
    // DNS rebinding: a page of another site whose name now points at 127.0.0.1 still sends its own Host.
    if (!access.hosts.has(req.headers.host ?? '')) return reply.code(421).type('text/plain; charset=utf-8').send('拒绝访问：请求的主机名不是本工作台的地址。');
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/assets/')) return;
    if (lan && url.pathname === '/login') return;
    const credential = req.cookies[COOKIE];
    const allowed = lan ? sessions.valid(credential) : sameSecret(credential, access.token);
    if (!allowed) {
      // The printed address carries the token once; it is then kept in a cookie and taken out of the address bar.
      if (!lan && req.method === 'GET' && sameSecret(url.searchParams.get('token') ?? undefined, access.token)) {
        url.searchParams.delete('token');
        reply.setCookie(COOKIE, access.token, { path: '/', httpOnly: true, sameSite: 'strict' });
        return reply.redirect(`${url.pathname}${url.search}`, 303);
      }
      if (lan && req.method === 'GET') return reply.redirect('/login', 303);
      return reply.code(401).type('text/html; charset=utf-8').send(ctx.views.render('denied', '无法访问', { lan }));
    }
    // Anything that changes state must come from our own pages, not from another site the clerk has open.
    if (!['GET', 'HEAD'].includes(req.method) && !fromOwnPage(access, req.headers.origin, req.headers.referer)) {
      return reply.code(403).type('application/json; charset=utf-8').send({ error: '拒绝请求：操作须从本工作台的页面发起。' });
    }
  });
  installLogin(app, ctx, sessions);
}

/** The LAN login: a password checked against its hash, failures limited per address, a session cookie on success. */
function installLogin(app: FastifyInstance, ctx: WebContext, sessions: Sessions): void {
  const throttle = new LoginThrottle();
  const lan = ctx.options.access.password !== null;
  const loginPage = (error?: string) => ctx.views.render('login', '登录', { error });
  app.get('/login', async (_req, reply) => ctx.page(reply, 'login', '登录', {}, ''));
  app.post('/login', async (req, reply) => {
    if (!lan) return reply.redirect('/', 303);
    const address = req.ip;
    const wait = throttle.blockedFor(address);
    if (wait) return reply.code(429).type('text/html; charset=utf-8').send(loginPage(`密码错误次数过多，请 ${wait} 分钟后再试。`));
    const password = ((req.body ?? {}) as { password?: string }).password ?? '';
    if (!passwordMatches(ctx.options.access, password)) {
      throttle.fail(address);
      return reply.code(401).type('text/html; charset=utf-8').send(loginPage('密码不正确。'));
    }
    throttle.succeed(address);
    reply.setCookie(COOKIE, sessions.create(), { path: '/', httpOnly: true, sameSite: 'strict' });
    return reply.redirect('/', 303);
  });
}
