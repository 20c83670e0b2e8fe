import { and, asc, desc, eq, gt, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { AppError } from "./errors.ts";

/** A page of a list, newest first unless the endpoint says otherwise. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Cursor {
  /** The sort key of the last item seen (an ISO time, a number or a string), and its id to break ties. */
  value: string;
  id: string;
}

/** Cursors are opaque to clients; inside they are the last item's sort key and id. */
export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("invalid_request", "The cursor is not one this API gave out; start again without it.");
}

/**
 * A keyset page over a list ordered by a time and then the id: the condition for rows
 * after the cursor, the ORDER BY that goes with it, and the cut of the fetched rows.
 * Fetch `limit + 1` rows: the extra one says whether there is a next page.
 */
export class Keyset {
  constructor(
    private readonly time: PgColumn,
    private readonly id: PgColumn,
    private readonly direction: "asc" | "desc",
  ) {}

  after(cursor: string | undefined): SQL | undefined {
    if (!cursor) return undefined;
    const { value, id } = decodeCursor(cursor);
    const at = new Date(value);
    const beyond = this.direction === "desc" ? lt : gt;
    return or(beyond(this.time, at), and(eq(this.time, at), beyond(this.id, id)));
  }

  get orderBy(): SQL[] {
    const order = this.direction === "desc" ? desc : asc;
    return [order(this.time), order(this.id)];
  }

  page<T extends { id: string }>(rows: T[], limit: number, timeOf: (row: T) => Date): Page<T> {
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(timeOf(last).toISOString(), last.id) : null };
  }
}
