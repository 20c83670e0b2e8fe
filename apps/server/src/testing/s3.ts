import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

export interface S3Server {
  /** RAPPORT_FILES_S3_* settings that point a server at this bucket. */
  env: Record<string, string>;
  /** The object keys in the bucket that start with `prefix`, as the bucket lists them. */
  listKeys(prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

const BUCKET = "rapport-test";

/**
 * An S3-compatible server (s3rver) on a loopback port, standing in for the object store an operator runs outside
 * Rapport (AWS, MinIO, R2…): a fake only at the network edge, spoken to over HTTP by the real AWS SDK.
 */
export async function startS3Server(): Promise<S3Server> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "rapport-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's own credentials; the store reads them from the environment, as it would read an operator's.
  process.env.AWS_ACCESS_KEY_ID = "S3RVER";
  process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
  const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true });
  return {
    env: { RAPPORT_FILES_S3_BUCKET: BUCKET, RAPPORT_FILES_S3_ENDPOINT: endpoint, RAPPORT_FILES_S3_FORCE_PATH_STYLE: "true", RAPPORT_FILES_S3_PREFIX: "rapport" },
    async listKeys(prefix) {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
      return (listed.Contents ?? []).map((object) => object.Key!);
    },
    async close() {
      client.destroy();
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
