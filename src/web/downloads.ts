// Files the pages offer are named by an opaque id, never by a path: a request can only fetch what a page listed.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';

export class Downloads {
  private byId = new Map<string, { path: string; name: string }>();
  private byPath = new Map<string, string>();

  register(path: string, name = basename(path)): string {
    const key = `${path}\u0000${name}`;
    const known = this.byPath.get(key);
    if (known) return known;
    const id = randomBytes(12).toString('base64url');
    this.byId.set(id, { path, name });
    this.byPath.set(key, id);
    return id;
  }

  get(id: string): { path: string; name: string } | undefined {
    return this.byId.get(id);
  }
}
