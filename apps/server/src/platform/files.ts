import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Config } from "../config.ts";
import { AppError } from "./errors.ts";

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

/**
 * Where uploaded and received files live, each under a random key `<workspaceId>/<32 hex>`. The original name is
 * metadata in the database, never part of a key, so no name can reach outside the store or overwrite another file.
 * Which workspace may read a key is decided by the database row that holds it, not by the store.
 */
export interface FileStore {
  /** Streams `source` into a new file; a source larger than `limit` bytes is refused and leaves nothing behind. */
  save(workspaceId: string, source: Readable, limit: number): Promise<StoredFile>;
  /** The file's bytes; a missing file is an error on the stream. */
  open(key: string): Readable;
  /** Removes the file; removing a missing file is not an error. */
  remove(key: string): Promise<void>;
}

/** The store the configuration asks for. The S3 client is loaded only when a bucket is configured. */
export async function createFileStore(config: Pick<Config, "dataDir" | "files">): Promise<FileStore> {
  if (!config.files.s3) return new LocalFileStore(path.join(config.dataDir, "files"));
  const { S3FileStore } = await import("./files-s3.ts");
  return new S3FileStore(config.files.s3);
}

export function newFileKey(workspaceId: string): string {
  return `${workspaceId}/${randomBytes(16).toString("hex")}`;
}

/** Refuses anything but a key this store made, so a key from elsewhere cannot name another path or object. */
export function checkFileKey(key: string): string {
  if (!/^[0-9a-f-]{36}\/[0-9a-f]{32}$/.test(key)) throw new Error(`Not a file key: ${key}`);
  return key;
}

/** Passes bytes through while counting and hashing them; fails the stream once more than `limit` bytes arrive. */
export function measure(limit: number): { meter: Transform; result: () => { size: number; sha256: string } } {
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
  return { meter, result: () => ({ size, sha256: hash.digest("hex") }) };
}

/** Files under a folder (by default `files/` in the data directory), one folder per workspace. */
export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  async save(workspaceId: string, source: Readable, limit: number): Promise<StoredFile> {
    const key = newFileKey(workspaceId);
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    const { meter, result } = measure(limit);
    try {
      // Written aside and renamed at the end, so a crash or a refused upload never leaves a half file under a key.
      await pipeline(source, meter, fs.createWriteStream(partial, { flags: "wx" }));
      await fs.promises.rename(partial, target);
    } catch (error) {
      await fs.promises.rm(partial, { force: true });
      throw error;
    }
    return { key, ...result() };
  }

  open(key: string): Readable {
    return fs.createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    return path.join(this.root, checkFileKey(key));
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
