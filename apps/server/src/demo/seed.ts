import { sql } from "drizzle-orm";
import type { SecretBox } from "../platform/crypto.ts";
import { getWidgetSettings } from "../modules/widget/settings.ts";
import type { Executor } from "../platform/db/client.ts";
import { scopesForRole } from "../platform/auth/policy.ts";
import type { ServiceContext } from "../platform/context.ts";
import { hashPassword } from "../platform/auth/secrets.ts";
import { teamMembers, teams, users, type Role } from "../modules/workspaces/schema.ts";
import { addMessage, changeTags, receiveMessage, updateConversation } from "../modules/conversations/service.ts";
import { updateCustomer } from "../modules/customers/service.ts";
import { seedDemoKnowledgeBase } from "./knowledge.ts";
import type { Channel, Priority, Status } from "../modules/conversations/schema.ts";

interface DemoTurn {
  from: "customer" | "agent" | "note";
  text: string;
  /** Minutes after the conversation opened. */
  at: number;
}

interface DemoConversation {
  customer: { name: string; email?: string; phone?: string; handle?: string; attributes?: Record<string, unknown> };
  channel: Channel;
  subject: string;
  hoursAgo: number;
  agent?: "maya" | "tom" | "admin";
  team?: "Orders" | "Product experts";
  status?: Status;
  priority?: Priority;
  tags?: string[];
  turns: DemoTurn[];
}

const AGENTS: { key: "maya" | "tom"; name: string; email: string; role: Role }[] = [
  { key: "maya", name: "Maya Okafor", email: "maya@demo.rapport.test", role: "agent" },
  { key: "tom", name: "Tom Lindqvist", email: "tom@demo.rapport.test", role: "supervisor" },
];

/** A small outdoor-gear shop's inbox on an ordinary Monday. */
const CONVERSATIONS: DemoConversation[] = [
  {
    customer: { name: "Priya Raman", email: "priya.raman@example.net", attributes: { plan: "Gold member", lifetimeOrders: 14 } },
    channel: "email",
    subject: "Birthday present arrived broken",
    hoursAgo: 3,
    team: "Orders",
    agent: "admin",
    priority: "high",
    tags: ["damaged", "gift"],
    turns: [
      { from: "customer", at: 0, text: "Hi, I ordered the Summit 2 tent as a birthday present for my husband and it arrived with a snapped pole. His birthday is on Saturday. I'm really disappointed — is there anything you can do in time?" },
    ],
  },
  {
    customer: { name: "Jonas Weber", email: "jonas.weber@example.org" },
    channel: "chat",
    subject: "Where is my order #48213?",
    hoursAgo: 1,
    agent: "maya",
    team: "Orders",
    tags: ["shipping"],
    turns: [
      { from: "customer", at: 0, text: "Hello, my order #48213 said delivered yesterday but there's nothing here." },
      { from: "agent", at: 2, text: "Hi Jonas, I'm sorry — that's worrying when a parcel shows delivered and isn't there. I've opened a trace with the courier and I'll update you by 4pm today." },
      { from: "customer", at: 5, text: "Thanks Maya. The neighbours don't have it either." },
    ],
  },
  {
    customer: { name: "Aisha Bello", phone: "+44 7700 900123" },
    channel: "phone",
    subject: "Call: wrong size hiking boots",
    hoursAgo: 26,
    agent: "tom",
    status: "pending",
    tags: ["exchange"],
    turns: [
      { from: "customer", at: 0, text: "Called to say the Ridge boots are a size too small and asked for an exchange before her trip next week." },
      { from: "agent", at: 4, text: "Exchange label sent by SMS. Size 39 reserved for you, Aisha — it ships the moment the courier scans your return." },
      { from: "note", at: 5, text: "Customer is travelling on the 14th. If the return scan hasn't happened by Thursday, ship the replacement anyway." },
    ],
  },
  {
    customer: { name: "Carlos Mendoza", email: "carlos.mendoza@example.com" },
    channel: "web_form",
    subject: "¿Hacéis envíos a Canarias?",
    hoursAgo: 6,
    tags: ["shipping", "spanish"],
    turns: [{ from: "customer", at: 0, text: "Hola, quería saber si hacéis envíos a Las Palmas y cuánto tardan. Gracias." }],
  },
  {
    customer: { name: "Hannah Kim", handle: "@hannahhikes", email: "hannah.kim@example.net" },
    channel: "social",
    subject: "Tagged post: love the new rain shell",
    hoursAgo: 50,
    agent: "maya",
    status: "resolved",
    tags: ["praise"],
    turns: [
      { from: "customer", at: 0, text: "Three days of Scottish rain and the @demooutfitters Storm shell kept me bone dry. Customer for life!" },
      { from: "agent", at: 30, text: "Hannah, this made our whole team's morning — thank you for sharing it! Enjoy the hills." },
    ],
  },
  {
    customer: { name: "Lukas Nowak", email: "lukas.nowak@example.org", attributes: { plan: "Gold member" } },
    channel: "email",
    subject: "Charged twice for one order",
    hoursAgo: 0.5,
    priority: "urgent",
    tags: ["billing"],
    turns: [
      { from: "customer", at: 0, text: "I've been charged twice (2 × €189.00) for order #48190. I need the duplicate refunded, my rent goes out on Friday." },
    ],
  },
  {
    customer: { name: "Grace O'Neill", email: "grace.oneill@example.com" },
    channel: "email",
    subject: "Stove won't light at altitude",
    hoursAgo: 30,
    agent: "tom",
    team: "Product experts",
    status: "pending",
    tags: ["product-question"],
    turns: [
      { from: "customer", at: 0, text: "My Alpine stove sputters and goes out above 3,000 m. Is it faulty?" },
      { from: "agent", at: 45, text: "Hi Grace — it's very likely the canister rather than the stove: standard butane struggles in the cold thin air. An isobutane-propane mix and keeping the canister warm in your jacket usually fixes it. Could you let me know which gas you were using?" },
    ],
  },
  {
    customer: { name: "Mohammed Al-Sayed", email: "m.alsayed@example.net" },
    channel: "chat",
    subject: "Discount code not working",
    hoursAgo: 75,
    agent: "maya",
    status: "closed",
    tags: ["promotion"],
    turns: [
      { from: "customer", at: 0, text: "The code SPRING15 says invalid at checkout." },
      { from: "agent", at: 1, text: "Thanks for telling us, Mohammed. That code expired yesterday, but I've applied 15% to your basket anyway — you'll see it when you refresh." },
      { from: "customer", at: 3, text: "Brilliant, thank you!" },
    ],
  },
  {
    customer: { name: "Elena Rossi", email: "elena.rossi@example.it" },
    channel: "email",
    subject: "Warranty claim for sleeping bag zip",
    hoursAgo: 8,
    team: "Product experts",
    agent: "admin",
    tags: ["warranty"],
    turns: [{ from: "customer", at: 0, text: "The zip on my Nightfall sleeping bag broke after 8 months. I have the receipt. How do I claim the warranty?" }],
  },
  {
    customer: { name: "Daniel Osei", email: "daniel.osei@example.com" },
    channel: "api",
    subject: "Return request via the shop app",
    hoursAgo: 12,
    agent: "maya",
    tags: ["return"],
    turns: [
      { from: "customer", at: 0, text: "Return requested for order #48102: trekking poles (unused). Reason: bought two pairs by mistake." },
      { from: "agent", at: 20, text: "Hi Daniel, no problem at all — your free return label is attached. The refund goes back to your card as soon as the poles reach us." },
    ],
  },
  {
    customer: { name: "Sofia Lindgren", email: "sofia.lindgren@example.se" },
    channel: "in_person",
    subject: "In store: backpack fitting follow-up",
    hoursAgo: 48,
    agent: "tom",
    status: "snoozed",
    tags: ["follow-up"],
    turns: [
      { from: "customer", at: 0, text: "Visited the Stockholm store for a backpack fitting; the 45 L women's fit was out of stock in her size." },
      { from: "note", at: 10, text: "Promised to call Sofia when the restock lands (due Thursday)." },
    ],
  },
  {
    customer: { name: "Priya Raman", email: "priya.raman@example.net" },
    channel: "email",
    subject: "Re: Gift wrapping options",
    hoursAgo: 240,
    agent: "maya",
    status: "closed",
    tags: ["gift"],
    turns: [
      { from: "customer", at: 0, text: "Do you offer gift wrapping?" },
      { from: "agent", at: 60, text: "We do, Priya — tick 'gift wrap' at checkout and add a message; we'll leave the prices out of the parcel." },
    ],
  },
  {
    customer: { name: "Ben Carter", email: "ben.carter@example.com" },
    channel: "email",
    subject: "Cancel my order please",
    hoursAgo: 2,
    team: "Orders",
    tags: ["cancellation"],
    turns: [{ from: "customer", at: 0, text: "Please cancel order #48230, I ordered the wrong colour. It hasn't shipped yet I think." }],
  },
  {
    customer: { name: "Yuki Tanaka", email: "yuki.tanaka@example.jp" },
    channel: "chat",
    subject: "Is the Storm shell good for cycling?",
    hoursAgo: 0.2,
    tags: ["product-question"],
    turns: [{ from: "customer", at: 0, text: "Hi! Is the Storm shell OK for cycling commutes or is it too warm?" }],
  },
];

const hours = (n: number) => n * 3_600_000;

/** Fills a fresh workspace with teammates and a realistic inbox, so a newcomer sees a living helpdesk. */
export async function seedDemo(db: Executor, workspaceId: string, ownerId: string, secrets: SecretBox): Promise<void> {
  const password = await hashPassword("demo-password-not-for-production");
  const agentIds: Record<string, string> = { admin: ownerId };
  for (const agent of AGENTS) {
    const [row] = await db.insert(users).values({ workspaceId, email: agent.email, name: agent.name, role: agent.role, passwordHash: password }).returning({ id: users.id });
    agentIds[agent.key] = row!.id;
  }
  const teamIds: Record<string, string> = {};
  for (const name of ["Orders", "Product experts"]) {
    const [row] = await db.insert(teams).values({ workspaceId, name }).returning({ id: teams.id });
    teamIds[name] = row!.id;
  }
  await db.insert(teamMembers).values([
    { workspaceId, teamId: teamIds.Orders!, userId: agentIds.maya! },
    { workspaceId, teamId: teamIds.Orders!, userId: ownerId },
    { workspaceId, teamId: teamIds["Product experts"]!, userId: agentIds.tom! },
  ]);

  const contextFor = (userId: string, role: Role): ServiceContext => ({ db, actor: { via: "session", workspaceId, userId, role, scopes: scopesForRole(role) } });
  const system = contextFor(ownerId, "owner");
  await seedDemoKnowledgeBase(system);

  for (const demo of CONVERSATIONS) {
    const [first, ...rest] = demo.turns;
    const receipt = await receiveMessage(
      db,
      workspaceId,
      { channel: demo.channel, customer: demo.customer, subject: demo.subject, message: { text: first!.text } },
      { type: "system", id: null },
    );
    const conversationId = receipt.conversation.id;
    if (demo.customer.attributes) await updateCustomer(system, receipt.conversation.customer.id, { attributes: demo.customer.attributes });
    const agentId = agentIds[demo.agent ?? "admin"]!;
    const agent = contextFor(agentId, demo.agent === "tom" ? "supervisor" : "agent");
    for (const turn of rest) {
      await addMessage(agent, conversationId, { kind: turn.from === "customer" ? "inbound" : turn.from === "agent" ? "reply" : "note", text: turn.text });
    }
    await updateConversation(system, conversationId, {
      assigneeId: demo.agent ? agentId : undefined,
      teamId: demo.team ? teamIds[demo.team] : undefined,
      priority: demo.priority,
      status: demo.status === "snoozed" ? undefined : demo.status,
      snoozedUntil: demo.status === "snoozed" ? new Date(Date.now() + hours(40)) : undefined,
    });
    if (demo.tags) await changeTags(system, conversationId, { add: demo.tags });
    await backdate(db, workspaceId, conversationId, demo.hoursAgo, demo.turns);
  }
  // The demo's widget runs on pages served from this machine on any port (a local shop, the browser tests); a real
  // workspace names its sites exactly.
  await getWidgetSettings(db, secrets, workspaceId, { allowedOrigins: DEMO_WIDGET_ORIGINS });
}

export const DEMO_WIDGET_ORIGINS = ["http://localhost:*", "http://127.0.0.1:*"];

/** Spreads a demo conversation over its real-looking past, keeping its events in step. */
async function backdate(db: Executor, workspaceId: string, conversationId: string, hoursAgo: number, turns: DemoTurn[]): Promise<void> {
  const opened = new Date(Date.now() - hours(hoursAgo));
  const lastTurn = new Date(opened.getTime() + (turns.at(-1)?.at ?? 0) * 60_000);
  await db.execute(sql`
    WITH ordered AS (
      SELECT id, row_number() OVER (ORDER BY created_at, id) - 1 AS position
        FROM messages WHERE workspace_id = ${workspaceId} AND conversation_id = ${conversationId}
    ), minutes AS (
      SELECT minute::int AS minute, position FROM jsonb_array_elements_text(${JSON.stringify(turns.map((turn) => turn.at))}::jsonb) WITH ORDINALITY AS t(minute, position)
    )
    UPDATE messages m SET created_at = ${opened.toISOString()}::timestamptz + make_interval(mins => minutes.minute)
      FROM ordered JOIN minutes ON minutes.position = ordered.position + 1
     WHERE m.id = ordered.id`);
  await db.execute(sql`
    UPDATE conversations
       SET created_at = ${opened.toISOString()}::timestamptz,
           last_activity_at = ${lastTurn.toISOString()}::timestamptz,
           last_message_at = (SELECT max(created_at) FROM messages WHERE workspace_id = ${workspaceId} AND conversation_id = ${conversationId} AND kind <> 'note'),
           first_response_at = (SELECT min(created_at) FROM messages WHERE workspace_id = ${workspaceId} AND conversation_id = ${conversationId} AND kind = 'reply'),
           resolved_at = CASE WHEN resolved_at IS NULL THEN NULL ELSE ${lastTurn.toISOString()}::timestamptz + interval '5 minutes' END,
           updated_at = ${lastTurn.toISOString()}::timestamptz
     WHERE workspace_id = ${workspaceId} AND id = ${conversationId}`);
  await db.execute(sql`
    UPDATE domain_events SET occurred_at = ${lastTurn.toISOString()}::timestamptz
     WHERE workspace_id = ${workspaceId} AND subject_id = ${conversationId}`);
}
