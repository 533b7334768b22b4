import { randomUUID } from 'node:crypto';

/**
 * Plan files an EDI officer has uploaded for the import preview, held in this process's memory so
 * each change of mapping re-runs the dry run without sending the file again. Bounded: an upload
 * is dropped 30 minutes after its last use, after its import is confirmed, or (oldest first) when
 * the limits need room (uploads per officer, uploads in all, total bytes). Nothing here is ever
 * written to disk; a restart forgets every upload (the officer chooses the file again).
 */

export interface ImportUploadLimits {
  /** An upload unused this long is dropped. */
  ttlMs: number;
  /** Uploads one officer may hold; a new one drops their oldest. */
  perOfficer: number;
  /** Uploads held in all, by every officer. */
  total: number;
  /** Bytes held in all. */
  totalBytes: number;
}

export const IMPORT_UPLOAD_LIMITS: ImportUploadLimits = { ttlMs: 30 * 60_000, perOfficer: 3, total: 20, totalBytes: 100 * 1024 * 1024 };

export interface ImportUpload {
  id: string;
  /** The officer who uploaded it (their Entra object id, from the authenticated caller). */
  owner: string;
  fileName: string;
  bytes: Uint8Array;
  lastUsed: number;
  /** A confirm is under way: a second one waits its turn rather than importing twice at once. */
  confirming: boolean;
}

export class ImportUploads {
  private readonly uploads = new Map<string, ImportUpload>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly limits: ImportUploadLimits = IMPORT_UPLOAD_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps a file for `owner`; returns its id. Older uploads go first if the limits need room. */
  add(owner: string, fileName: string, bytes: Uint8Array): ImportUpload {
    this.sweep();
    const upload: ImportUpload = { id: randomUUID(), owner, fileName, bytes, lastUsed: this.now(), confirming: false };
    this.uploads.set(upload.id, upload);
    this.evict(owner, upload.id);
    this.startSweeping();
    return upload;
  }

  /** The officer's own upload, still within its time; anyone else's id is as good as unknown. */
  get(owner: string, id: string): ImportUpload | undefined {
    this.sweep();
    const upload = this.uploads.get(id);
    if (!upload || upload.owner !== owner) return undefined;
    upload.lastUsed = this.now();
    return upload;
  }

  drop(owner: string, id: string): boolean {
    const upload = this.uploads.get(id);
    if (!upload || upload.owner !== owner) return false;
    this.uploads.delete(id);
    if (this.uploads.size === 0) this.stopSweeping();
    return true;
  }

  /** How many uploads, and how many bytes, are held now (for tests and the limits). */
  get size(): { uploads: number; bytes: number } {
    let bytes = 0;
    for (const u of this.uploads.values()) bytes += u.bytes.length;
    return { uploads: this.uploads.size, bytes };
  }

  /** Drops every upload unused for longer than the time allowed. */
  sweep(): void {
    const oldest = this.now() - this.limits.ttlMs;
    for (const [id, upload] of this.uploads) if (upload.lastUsed < oldest && !upload.confirming) this.uploads.delete(id);
    if (this.uploads.size === 0) this.stopSweeping();
  }

  private evict(owner: string, keep: string): void {
    const byAge = () => [...this.uploads.values()].filter((u) => u.id !== keep && !u.confirming).sort((a, b) => a.lastUsed - b.lastUsed);
    const mine = byAge().filter((u) => u.owner === owner);
    while (mine.length >= this.limits.perOfficer) this.uploads.delete(mine.shift()!.id);
    for (const u of byAge()) {
      const { uploads, bytes } = this.size;
      if (uploads <= this.limits.total && bytes <= this.limits.totalBytes) break;
      this.uploads.delete(u.id);
    }
  }

  /** A once-a-minute sweep while anything is held, so a forgotten upload's memory goes back too. */
  private startSweeping(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.sweep(), 60_000);
    this.timer.unref?.();
  }

  private stopSweeping(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
