/**
 * A small in-process LRU of what the help center serves (rendered pages, and the site each
 * slug or domain names), kept per workspace: when a workspace's articles, categories or
 * settings change, its generation moves on and every entry made before no longer matches.
 * Entries also expire, so counts that change without an event (views, votes) show up soon.
 */
export class WorkspaceCache<V> {
  private readonly entries = new Map<string, { value: V; workspaceId: string; generation: number; expiresAt: number }>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= Date.now() || entry.generation !== this.generationOf(entry.workspaceId)) return undefined;
    // Re-inserted, it becomes the most recently used.
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, workspaceId: string, value: V, ttlMs = this.ttlMs): void {
    this.entries.delete(key);
    this.entries.set(key, { value, workspaceId, generation: this.generationOf(workspaceId), expiresAt: Date.now() + ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  invalidate(workspaceId: string): void {
    this.generations.set(workspaceId, this.generationOf(workspaceId) + 1);
  }

  clear(): void {
    this.entries.clear();
  }

  private generationOf(workspaceId: string): number {
    return this.generations.get(workspaceId) ?? 0;
  }
}

/** Events after which a workspace's help center pages may read differently. Votes do not: pages never show counts. */
export function changesHelpCenter(type: string): boolean {
  if (type === "article.voted" || type === "article.vote_commented") return false;
  return /^(article|knowledge_category|help_center|mailbox|workspace)\./.test(type) || type === "widget.settings_changed";
}
