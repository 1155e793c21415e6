// Files sent by the pages, streamed to disk as they come: one file with its form's fields (a plan, a reviewed
// 任务分解表), or a whole inbox of returned workbooks, each keeping its own modification time.
import type { FastifyRequest } from 'fastify';
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rm, utimes } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { safeFileName } from '../workbook/file-name.ts';
import { UserError } from '../util/errors.ts';
import { MB } from './http.ts';

/** One uploaded file, streamed into its own folder under `<workspace>/.uploads`, with the form's fields. */
export async function receiveOne(req: FastifyRequest, workspace: string, limit: number, extensions: string[], what: string): Promise<{ path: string; fields: Record<string, string>; cleanup: () => Promise<void> }> {
  const upload = join(workspace, '.uploads', `${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`);
  const cleanup = () => rm(upload, { recursive: true, force: true });
  await mkdir(upload, { recursive: true });
  const fields: Record<string, string> = {};
  let saved: string | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value ?? '');
      continue;
    }
    const name = safeFileName(basename(part.filename || 'upload'));
    if (!extensions.includes(extname(name).toLowerCase())) {
      part.file.resume();
      await cleanup();
      throw new UserError(`文件“${name}”不是可读取的${what}格式。`, `请上传 ${extensions.join('、')} 文件。`);
    }
    saved = join(upload, name);
    await pipeline(part.file, createWriteStream(saved));
    if (part.file.truncated) {
      await cleanup();
      throw new UserError(`文件“${name}”超过 ${limit / MB} MB，未读取。`);
    }
  }
  if (!saved) {
    await cleanup();
    throw new UserError('没有收到文件。', `请选择要上传的${what}文件。`);
  }
  return { path: saved, fields, cleanup };
}

/**
 * An upload of returned workbooks, kept as received in a folder of its own under `inbox`: each file keeps its
 * name, made safe and unique, and its own time (the page sends File.lastModified just before each file, as the
 * CLI reads a file's own time). Returns the folder and the files cut short at the size limit.
 */
export async function receiveInbox(req: FastifyRequest, inbox: string): Promise<{ folder: string; files: string[]; tooLarge: string[] }> {
  const folder = join(inbox, `网页上传_${new Date().toISOString().replace(/[:.]/g, '').slice(0, 15)}_${Math.random().toString(36).slice(2, 6)}`);
  await mkdir(folder, { recursive: true });
  const used = new Set<string>();
  const tooLarge: string[] = [];
  let lastModified: number | null = null;
  for await (const part of req.parts()) {
    if (part.type !== 'file') {
      if (part.fieldname === 'lastModified') lastModified = Number(part.value);
      continue;
    }
    // A folder upload sends relative paths: each file keeps its name, in one flat folder.
    let name = safeFileName(basename((part.filename || '未命名').replace(/\\/g, '/'))) || '未命名';
    for (let n = 2; used.has(name); n++) name = name.replace(/(\.[^.]*)?$/, (ext) => `_${n}${ext}`);
    used.add(name);
    await pipeline(part.file, createWriteStream(join(folder, name)));
    if (part.file.truncated) tooLarge.push(name);
    if (lastModified !== null && Number.isFinite(lastModified) && lastModified > 0) await utimes(join(folder, name), new Date(lastModified), new Date(lastModified));
    lastModified = null;
  }
  return { folder, files: readdirSync(folder).filter((f) => !tooLarge.includes(f)), tooLarge };
}

/** Uploads are removed once read; a folder left by a run that was killed meanwhile is removed a day later. */
export async function removeStaleUploads(workspace: string): Promise<void> {
  const dir = join(workspace, '.uploads');
  if (!existsSync(dir)) return;
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).mtimeMs < dayAgo) await rm(path, { recursive: true, force: true });
  }
}
