// The 工作台's pages, in the order of the navigation bar. Adding a page: a route module here (a Fastify plugin that
// only parses requests and renders its view), its view in web/views, and one line below (docs/architecture-workspace.md).
import type { FastifyPluginAsync } from 'fastify';
import type { WebContext } from '../context.ts';
import type { NavItem } from '../views.ts';
import { collectRoutes } from './collect.ts';
import { commonRoutes } from './common.ts';
import { mailRoutes } from './mail.ts';
import { overviewRoutes } from './overview.ts';
import { planRoutes } from './plan.ts';
import { progressRoutes } from './progress.ts';
import { registryRoutes } from './registry.ts';
import { reportRoutes } from './report.ts';
import { roundsRoutes } from './rounds.ts';
import { urgeRoutes } from './urge.ts';

export interface PageModule {
  /** Its entry in the navigation bar; none for routes that are no page of their own. */
  nav?: NavItem;
  routes: FastifyPluginAsync<{ ctx: WebContext }>;
}

export const PAGES: PageModule[] = [
  { nav: { path: '/', name: '总览' }, routes: overviewRoutes },
  { nav: { path: '/plans', name: '计划' }, routes: planRoutes },
  { nav: { path: '/rounds', name: '轮次' }, routes: roundsRoutes },
  { nav: { path: '/collect', name: '收集' }, routes: collectRoutes },
  { nav: { path: '/progress', name: '进度' }, routes: progressRoutes },
  { nav: { path: '/reports', name: '报告' }, routes: reportRoutes },
  { nav: { path: '/urge', name: '催报' }, routes: urgeRoutes },
  { nav: { path: '/registry', name: '名录' }, routes: registryRoutes },
  { nav: { path: '/settings', name: '设置' }, routes: mailRoutes },
  { routes: commonRoutes },
];
