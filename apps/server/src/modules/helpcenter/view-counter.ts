import type { FastifyBaseLogger } from "fastify";
import type { Executor } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { recordView } from "../knowledge/service.ts";

/**
 * Adds up article views in memory and writes them every few seconds, one statement per
 * article: a page served from the cache then costs no database write. A crash loses at
 * most the last few seconds of views.
 */
export class ViewCounter {
  private pending = new Map<string, { workspaceId: string; articleId: string; count: number }>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Executor,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs = 5_000,
  ) {}

  count(workspaceId: string, articleId: string): void {
    const key = `${workspaceId}:${articleId}`;
    const entry = this.pending.get(key);
    if (entry) entry.count++;
    else this.pending.set(key, { workspaceId, articleId, count: 1 });
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = this.flushing.then(async () => {
      for (const { workspaceId, articleId, count } of batch) {
        try {
          await recordView(this.db, workspaceId, articleId, count);
        } catch (error) {
          // Taken down since it was read: its views no longer count anywhere.
          if (!(error instanceof AppError)) this.log.warn({ err: error, articleId }, "help center: views not recorded");
        }
      }
    });
    return this.flushing;
  }
}
