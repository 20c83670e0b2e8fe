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
