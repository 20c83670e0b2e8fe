import { sql } from "drizzle-orm";
import { requireScope } from "../../platform/auth/policy.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { getConversationById, type Conversation } from "../conversations/service.ts";
import { getCustomerById, type Customer } from "../customers/service.ts";
import type { Status } from "../conversations/schema.ts";

export interface SearchOptions {
  q: string;
  types: ("conversations" | "customers")[];
  status?: Status[] | undefined;
  limit: number;
}

export interface ConversationHit {
  conversation: Conversation;
  /** The matching passage as HTML: text escaped, matches in <mark>. */
  highlight: string;
}

export interface CustomerHit {
  customer: Customer;
  highlight: string;
}

// Sentinels that cannot appear in stored text, so highlights are escaped first and marked after.
const START = "\u0002";
const STOP = "\u0003";
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
export const markHighlight = (headline: string) => escapeHtml(headline).split(START).join("<mark>").split(STOP).join("</mark>");

/**
 * Full-text search over conversation subjects, message bodies and customers, in the
 * caller's workspace; a conversation also matches through its customer and its number.
 * Internal notes match too: only agents can search.
 */
export async function search(ctx: ServiceContext, options: SearchOptions): Promise<{ conversations: ConversationHit[]; customers: CustomerHit[] }> {
  const workspaceId = ctx.actor.workspaceId;
  const query = sql`websearch_to_tsquery('simple', ${options.q})`;
  let conversationHits: ConversationHit[] = [];
  let customerHits: CustomerHit[] = [];

  if (options.types.includes("conversations")) {
    requireScope(ctx.actor, "conversations:read");
    // "#1042" or "1042" is how people quote a conversation: that one comes first.
    const number = /^#?(\d{1,9})$/.exec(options.q.trim())?.[1];
    const numberMatch = number
      ? sql`UNION ALL SELECT c.id, 1000, c.subject FROM conversations c WHERE c.workspace_id = ${workspaceId} AND c.number = ${Number(number)}`
      : sql``;
    const statusFilter = options.status?.length ? sql`AND c.status IN (${sql.join(options.status.map((s) => sql`${s}`), sql`, `)})` : sql``;
    const rows = await queryRows<{ id: string; headline: string }>(ctx.db, sql`
      WITH matches AS (
        SELECT m.conversation_id AS id, ts_rank(m.search, ${query}) AS rank, m.body_text AS passage
          FROM messages m
         WHERE m.workspace_id = ${workspaceId} AND m.search @@ ${query}
        UNION ALL
        SELECT c.id, ts_rank(c.search, ${query}) * 2, c.subject
          FROM conversations c
         WHERE c.workspace_id = ${workspaceId} AND c.search @@ ${query}
        UNION ALL
        -- An agent searching a customer's name or address wants that customer's conversations too.
        SELECT c.id, ts_rank(cu.search, ${query}) * 1.5, concat_ws(' · ', cu.name, cu.email, cu.phone)
          FROM customers cu
          JOIN conversations c ON c.workspace_id = cu.workspace_id AND c.customer_id = cu.id
         WHERE cu.workspace_id = ${workspaceId} AND cu.search @@ ${query}
        ${numberMatch}
      ), best AS (
        SELECT DISTINCT ON (id) id, rank, passage FROM matches ORDER BY id, rank DESC
      )
      SELECT c.id, ts_headline('simple', best.passage, ${query}, ${HEADLINE_OPTIONS}) AS headline
        FROM best JOIN conversations c ON c.id = best.id AND c.workspace_id = ${workspaceId}
       WHERE c.merged_into_id IS NULL ${statusFilter}
       ORDER BY best.rank DESC, c.last_activity_at DESC
       LIMIT ${options.limit}`);
    conversationHits = await Promise.all(
      rows.map(async (row) => ({ conversation: await getConversationById(ctx.db, workspaceId, row.id), highlight: markHighlight(row.headline) })),
    );
  }

  if (options.types.includes("customers")) {
    requireScope(ctx.actor, "customers:read");
    const rows = await queryRows<{ id: string; headline: string }>(ctx.db, sql`
      SELECT id, ts_headline('simple', concat_ws(' · ', name, email, phone, external_id), ${query}, ${HEADLINE_OPTIONS}) AS headline
        FROM customers
       WHERE workspace_id = ${workspaceId} AND search @@ ${query}
       ORDER BY ts_rank(search, ${query}) DESC, updated_at DESC
       LIMIT ${options.limit}`);
    customerHits = await Promise.all(rows.map(async (row) => ({ customer: await getCustomerById(ctx.db, workspaceId, row.id), highlight: markHighlight(row.headline) })));
  }
  return { conversations: conversationHits, customers: customerHits };
}
