import { pipeline, Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { Config } from "../config.ts";
import { checkFileKey, measure, newFileKey, type FileStore, type StoredFile } from "./files.ts";

export type S3Settings = NonNullable<Config["files"]["s3"]>;

/**
 * Files as objects in an S3-compatible bucket, under the same keys as on disk (after an optional prefix), so a
 * `files/` folder copied into the bucket is found as it was. Credentials come from the AWS SDK's usual sources
 * (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, or an instance role).
 */
export class S3FileStore implements FileStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.prefix = settings.prefix;
    this.client = new S3Client({
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.endpoint
        ? {
            endpoint: settings.endpoint,
            // Stores other than AWS's differ in which of the newer checksum headers they accept; checksums are
            // then sent and checked only where the API requires them. Rapport keeps its own sha256 of every file.
            requestChecksumCalculation: "WHEN_REQUIRED" as const,
            responseChecksumValidation: "WHEN_REQUIRED" as const,
          }
        : {}),
    });
  }

  async save(workspaceId: string, source: Readable, limit: number): Promise<StoredFile> {
    const key = newFileKey(workspaceId);
    const { meter, result } = measure(limit);
    const body = pipeline(source, meter, () => undefined);
    // Heard before the upload hears of it: a failing source destroys the meter with the source's own error.
    let bodyError: unknown;
    body.on("error", (error) => (bodyError ??= error));
    // The source's length is unknown: the upload sends it in parts as it arrives (one part in memory at a time),
    // and a body that fails or runs over the limit aborts the multipart upload, so no object is left behind.
    const upload = new Upload({
      client: this.client,
      queueSize: 1,
      params: { Bucket: this.bucket, Key: this.objectKey(key), Body: body },
    });
    try {
      await upload.done();
    } catch (error) {
      // The body's own failure (over the limit, the client gone) is the cause, even when aborting the
      // multipart upload afterwards failed too and the upload reports that instead.
      const cause = bodyError ?? error;
      // Whatever was not read of the source is dropped, as a failed write to disk drops it.
      body.destroy();
      // A response lost after the store took the object would leave it orphaned; deleting a missing key is no error.
      await this.remove(key).catch(() => undefined);
      throw cause;
    }
    return { key, ...result() };
  }

  open(key: string): Readable {
    const request = new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) });
    const client = this.client;
    // Opened when first read, as a file on disk is: a missing object is an error on the stream.
    return Readable.from(
      (async function* () {
        const { Body } = await client.send(request);
        if (!(Body instanceof Readable)) throw new Error(`The store sent no body for ${key}`);
        yield* Body;
      })(),
      { objectMode: false },
    );
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  private objectKey(key: string): string {
    return this.prefix + checkFileKey(key);
  }
}
