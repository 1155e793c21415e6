// Hashing helpers shared by the plan, the workbooks and the ledger.
import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A short hex digest, for ids people may have to read out over the phone. */
export function shortHash(data: string | Uint8Array, length = 12): string {
  return sha256(data).slice(0, length);
}
