import { Writable } from "node:stream";
import { pino, type LoggerOptions } from "pino";
import { describe, expect, it } from "vitest";
import { loggerOptions } from "./logger.ts";

describe("logs", () => {
  it("never contain credentials", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pino(loggerOptions("info") as LoggerOptions, sink);
    log.info(
      {
        req: { headers: { authorization: "Bearer rpt_secret-token", cookie: "rapport_session=rps_secret-session", "x-csrf-token": "csrf-secret" } },
        res: { headers: { "set-cookie": "rapport_session=rps_new-secret" } },
        body: { password: "hunter2-hunter2", token: "rpt_other-secret", passwordHash: "$argon2id$secret" },
      },
      "request",
    );
    const output = lines.join("");
    expect(output).toContain("[redacted]");
    for (const secret of ["rpt_secret-token", "rps_secret-session", "csrf-secret", "rps_new-secret", "hunter2", "rpt_other-secret", "$argon2id$"]) {
      expect(output).not.toContain(secret);
    }
  });
});
