import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../../apps/server/src/platform/db/client.ts";
import { conversationNumberSequence, createConversationNumbers } from "../../apps/server/src/modules/workspaces/numbering.ts";

/**
 * Fills a workspace with a year of conversations straight in SQL (INSERT … SELECT
 * generate_series), far faster than the API. The spreads follow a real inbox: most
 * conversations older than a month are resolved or closed, recent ones are mostly
 * open or pending; a tenth are unassigned and the rest spread over the agents.
 */

const BATCH = 50_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function literal(id: string): string {
  if (!UUID.test(id)) throw new Error(`Not a UUID: ${id}`);
  return `'${id}'::uuid`;
}

/** A UUIDv7 for the time `ts`, random bits from `hex` (32 hex digits): ids stay time-ordered as the service makes them. */
const uuidV7 = (ts: string, hex = "md5(random()::text)") =>
  `(lpad(to_hex((extract(epoch from ${ts}) * 1000)::bigint), 12, '0') || '7' || substr(${hex}, 1, 3) || '8' || substr(${hex}, 4, 15))::uuid`;

const execute = (db: Executor, text: string) => db.execute(sql.raw(text));

export interface SeedTarget {
  label: string;
  workspaceId: string;
  /** Agents the conversations are assigned to (the API token's owner among them). */
  agentIds: string[];
  conversations: number;
}

export interface SeedPlan {
  conversations: number;
  /** Other workspaces, each with a twentieth of the conversations, so the tables hold more than one tenant. */
  otherWorkspaces: number;
  agents: number;
}

export async function seedInbox(db: Executor, workspaceId: string, ownerId: string, plan: SeedPlan, log: (line: string) => void): Promise<void> {
  const anchor = `'${new Date().toISOString()}'::timestamptz`;
  const agents = await addAgents(db, workspaceId, plan.agents - 1, anchor);
  await seedWorkspace(db, { label: "inbox", workspaceId, agentIds: [ownerId, ...agents], conversations: plan.conversations }, anchor, log);
  for (let i = 0; i < plan.otherWorkspaces; i++) {
    const [other] = await queryRows<{ id: string }>(
      db,
      sql.raw(`INSERT INTO workspaces (id, name, slug) VALUES (${uuidV7(anchor)}, 'Other ${i + 1}', 'bench-other-${i + 1}-' || substr(md5(random()::text), 1, 6)) RETURNING id`),
    );
    await createConversationNumbers(db, other!.id);
    const otherAgents = await addAgents(db, other!.id, 5, anchor);
    await seedWorkspace(db, { label: `other ${i + 1}`, workspaceId: other!.id, agentIds: otherAgents, conversations: Math.ceil(plan.conversations / 20) }, anchor, log);
  }
  const started = performance.now();
  // What autovacuum would do after a bulk load, done now so it does not run during the measurement.
  await execute(db, "VACUUM (ANALYZE) workspaces, users, customers, customer_identities, conversations");
  log(`vacuum + analyze in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function addAgents(db: Executor, workspaceId: string, count: number, anchor: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql.raw(
      `INSERT INTO users (id, workspace_id, email, name, role)
       SELECT ${uuidV7(anchor)}, ${literal(workspaceId)}, 'agent-' || i || '@bench.example', 'Agent ' || i, 'agent'
       FROM generate_series(1, ${count}) i RETURNING id`,
    ),
  );
  return rows.map((row) => row.id);
}

async function seedWorkspace(db: Executor, target: SeedTarget, anchor: string, log: (line: string) => void): Promise<void> {
  const ws = literal(target.workspaceId);
  const customerCount = Math.max(1, Math.ceil(target.conversations / 3));
  const domain = `'w${target.workspaceId.slice(0, 8)}.example'`;
  // Customer n's creation time and id are functions of n, so conversations can point at them without a lookup.
  const customerCreated = (n: string) => `(${anchor} - interval '730 days' + ${n}::float8 / ${customerCount} * interval '729 days')`;
  const customerId = (n: string) => uuidV7(customerCreated(n), `md5(${ws}::text || ':' || ${n})`);
  const agents = `ARRAY[${target.agentIds.map(literal).join(", ")}]`;
  const [{ seq } = { seq: 0 }] = await queryRows<{ seq: number }>(db, sql.raw(`SELECT coalesce(max(number), 0) AS seq FROM conversations WHERE workspace_id = ${ws}`));
  const started = performance.now();

  for (let from = 1; from <= customerCount; from += BATCH) {
    const to = Math.min(customerCount, from + BATCH - 1);
    await execute(
      db,
      `INSERT INTO customers (id, workspace_id, name, email, created_at, updated_at)
       SELECT ${customerId("n")}, ${ws}, 'Customer ' || n, 'customer-' || n || '@' || ${domain}, ${customerCreated("n")}, ${customerCreated("n")}
       FROM generate_series(${from}, ${to}) n`,
    );
    await execute(
      db,
      `INSERT INTO customer_identities (id, workspace_id, customer_id, kind, value, created_at)
       SELECT ${uuidV7(customerCreated("n"))}, ${ws}, ${customerId("n")}, 'email', 'customer-' || n || '@' || ${domain}, ${customerCreated("n")}
       FROM generate_series(${from}, ${to}) n`,
    );
  }

  for (let from = 1; from <= target.conversations; from += BATCH) {
    const to = Math.min(target.conversations, from + BATCH - 1);
    await execute(
      db,
      `INSERT INTO conversations (id, workspace_id, number, customer_id, channel, status, priority, assignee_id, subject, tags,
         message_count, last_message_preview, last_message_at, last_activity_at, first_response_at, resolved_at, snoozed_until, created_at, updated_at)
       SELECT ${uuidV7("created")}, ${ws}, ${seq} + g, ${customerId("cn")}, channel, status, priority, assignee, subject, tags,
         1 + g % 9, 'Thanks for getting back to me, the replacement arrived today.', last_activity, last_activity,
         CASE WHEN status <> 'open' OR rr < 0.5 THEN created + interval '2 hours' * rr END,
         CASE WHEN status IN ('resolved', 'closed') THEN last_activity END,
         CASE WHEN status = 'snoozed' THEN ${anchor} + interval '3 days' * rr END,
         created, last_activity
       FROM (
         SELECT g, created, cn, rr, least(${anchor}, created + interval '10 days' * ra) AS last_activity,
           CASE WHEN created > ${anchor} - interval '30 days'
             THEN CASE WHEN rs < 0.40 THEN 'open' WHEN rs < 0.60 THEN 'pending' WHEN rs < 0.65 THEN 'snoozed' WHEN rs < 0.90 THEN 'resolved' ELSE 'closed' END
             ELSE CASE WHEN rs < 0.03 THEN 'open' WHEN rs < 0.05 THEN 'pending' WHEN rs < 0.06 THEN 'snoozed' WHEN rs < 0.50 THEN 'resolved' ELSE 'closed' END
           END AS status,
           CASE WHEN rp < 0.10 THEN 'low' WHEN rp < 0.80 THEN 'normal' WHEN rp < 0.95 THEN 'high' ELSE 'urgent' END AS priority,
           CASE WHEN rc < 0.50 THEN 'email' WHEN rc < 0.80 THEN 'chat' WHEN rc < 0.90 THEN 'web_form' ELSE 'api' END AS channel,
           CASE WHEN rr < 0.10 THEN NULL ELSE (${agents})[1 + g % ${target.agentIds.length}] END AS assignee,
           (ARRAY['Order ', 'Refund for order ', 'Cannot log in, account ', 'Invoice question about ', 'Shipping delay for order '])[1 + g % 5] || (100000 + g) AS subject,
           CASE WHEN rp < 0.7 THEN '{}'::text[] ELSE ARRAY[(ARRAY['billing', 'shipping', 'vip', 'bug'])[1 + g % 4]] END AS tags
         FROM (
           SELECT g, ${anchor} - interval '365 days' + g::float8 / ${target.conversations} * interval '365 days' AS created,
             1 + (g::bigint * 7919) % ${customerCount} AS cn, random() AS rs, random() AS ra, random() AS rp, random() AS rc, random() AS rr
           FROM generate_series(${from}, ${to}) g
         ) base
       ) spread`,
    );
    log(`  ${target.label}: ${to.toLocaleString("en-US")} / ${target.conversations.toLocaleString("en-US")} conversations (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await execute(db, `SELECT setval('${conversationNumberSequence(target.workspaceId)}', ${seq} + ${target.conversations})`);
}
