// Small pieces of HTTP the routes share: streamed job answers, file downloads and their headers, and Fastify's own
// errors in Chinese.
import type { FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { Jobs } from './jobs.ts';

export const MB = 1 << 20;
/** Files in one upload: a province's units, with room to spare. */
export const MAX_UPLOAD_FILES = 20_000;

/**
 * A streamed answer of one JSON object per line, so the page shows each result as it comes: first the job's id
 * (the page keeps it, and follows the job again after a reload), then every line the job has sent and sends. The
 * work is a job of its own (jobs.ts): it goes on if the page goes away.
 */
export function followJob(reply: FastifyReply, jobs: Jobs, id: string): FastifyReply {
  reply.hijack();
  // Written past Fastify, so the security headers the hook set on the reply are carried over by hand.
  reply.raw.writeHead(200, { ...headersOf(reply), 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
  reply.raw.write(`${JSON.stringify({ job: id })}\n`);
  const stop = jobs.follow(id, (line) => (line === null ? reply.raw.end() : void reply.raw.write(`${JSON.stringify(line)}\n`)));
  reply.raw.on('close', () => stop?.());
  return reply;
}

/** The headers set on a reply so far (the security headers of the hook), for a response written past Fastify. */
export function headersOf(reply: FastifyReply): Record<string, string> {
  return Object.fromEntries(Object.entries(reply.getHeaders()).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
}

/** A file sent as a download under `name`. */
export function sendFile(reply: FastifyReply, path: string, name: string): FastifyReply {
  reply.header('Content-Disposition', attachment(name));
  return reply.type(contentType(name)).send(createReadStream(path));
}

export function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function contentType(name: string): string {
  const ext = extname(name).toLowerCase();
  return (
    { '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.txt': 'text/plain; charset=utf-8', '.zip': 'application/zip' }[ext] ??
    'application/octet-stream'
  );
}

export function chineseHttpError(e: Error & { code?: string }): string {
  if (e.code === 'FST_REQ_FILE_TOO_LARGE') return '上传的文件过大，未收取。';
  if (e.code === 'FST_FILES_LIMIT' || e.code === 'FST_PARTS_LIMIT' || e.code === 'FST_FIELDS_LIMIT') return `一次上传的文件过多（上限 ${MAX_UPLOAD_FILES} 个），未收取。请分批上传，或打包为 zip 后上传。`;
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return '请求格式不正确。';
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return '提交的内容过大。';
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return '提交的内容不是有效的 JSON。';
  return `请求无法处理（${e.message}）。`;
}
