import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "./errors.ts";

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

/**
 * Where uploaded and received files live: under the data directory, one folder per workspace, each file under
 * a random key. The original name is metadata in the database, never a path, so no name can reach outside the
 * store or overwrite another file.
 */
export class FileStore {
  constructor(private readonly root: string) {}

  /** Streams `source` into a new file; a source larger than `limit` bytes is refused and leaves nothing behind. */
  async save(workspaceId: string, source: Readable, limit: number): Promise<StoredFile> {
    const key = `${workspaceId}/${randomBytes(16).toString("hex")}`;
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    const hash = createHash("sha256");
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limit) return done(new AppError("payload_too_large", `The file is larger than the ${formatBytes(limit)} an attachment may be.`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      // Written aside and renamed at the end, so a crash or a refused upload never leaves a half file under a key.
      await pipeline(source, meter, fs.createWriteStream(partial, { flags: "wx" }));
      await fs.promises.rename(partial, target);
    } catch (error) {
      await fs.promises.rm(partial, { force: true });
      throw error;
    }
    return { key, size, sha256: hash.digest("hex") };
  }

  open(key: string): Readable {
    return fs.createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f]{32}$/.test(key)) throw new Error(`Not a file key: ${key}`);
    return path.join(this.root, key);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
