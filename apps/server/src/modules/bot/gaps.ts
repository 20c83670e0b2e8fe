import { desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { requireScope } from "../../platform/auth/policy.ts";
import { eventActor, type ServiceContext } from "../../platform/context.ts";
import { queryRows, type Executor } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/events.ts";
import { inWorkspace } from "../../platform/tenancy.ts";
import { botContentGaps } from "./schema.ts";

export type ContentGap = typeof botContentGaps.$inferSelect;

/** How alike (pg_trgm similarity, or the share of shared words) a question must be to an example to join its gap. */
const ALIKE = 0.35;
/** Examples kept per gap, newest first. */
const MAX_EXAMPLES = 5;

/** Words too common to say two questions are about the same thing. */
const COMMON_WORDS = "{how,what,can,the,and,for,you,your,with,does,this,that,are,why,when,where,there,have,not,please,que,como,por,para,los,las,una,con,del}";

/** A text's distinct words of three letters or more, common ones left out. */
const wordsOf = (text: SQL) =>
  sql`ARRAY(SELECT DISTINCT w FROM regexp_split_to_table(lower(${text}), '\\W+') AS w WHERE length(w) > 2 AND w <> ALL(${COMMON_WORDS}::text[]))`;

const GREETING = /^(hi|hello|hey|hola|buenas|good (morning|afternoon|evening))[,!. ]+/i;

/** A title for the article a question asks for: its first sentence, without the greeting, capitalised. */
export function suggestTitle(question: string): string {
  const sentence = question.replace(GREETING, "").split(/(?<=[?.!])\s/)[0]!.replace(/[?.!]+$/, "").replace(/\s+/g, " ").trim();
  const short = sentence.length > 80 ? `${sentence.slice(0, 79).replace(/\s+\S*$/, "")}…` : sentence;
  return short.charAt(0).toUpperCase() + short.slice(1).replace(/\bi\b/g, "I");
}

/**
 * Records a question the bot could not answer (or answered unhelpfully) into the gap of its most alike
 * earlier questions, or a new gap. Likeness is trigram similarity or shared words against the gap's examples:
 * no model, and good enough to put "how do I cancel my plan?" beside "cancel plan please".
 */
export async function recordContentGap(tx: Executor, workspaceId: string, question: string): Promise<void> {
  const text = question.replace(/\s+/g, " ").trim().slice(0, 500);
  if (!text) return;
  const [match] = await queryRows<{ id: string; score: number }>(
    tx,
    sql`SELECT ${botContentGaps.id} AS id, max(greatest(similarity(lower(e.example), lower(${text})),
                  cardinality(ARRAY(SELECT unnest(e.words) INTERSECT SELECT unnest(q.words)))::real / greatest(1, least(cardinality(e.words), cardinality(q.words))))) AS score
          FROM ${botContentGaps}
          CROSS JOIN LATERAL (SELECT example, ${wordsOf(sql`example`)} AS words FROM jsonb_array_elements_text(${botContentGaps.examples}) AS example) e
          CROSS JOIN (SELECT ${wordsOf(sql`${text}`)} AS words) q
         WHERE ${inWorkspace(botContentGaps, workspaceId)}
         GROUP BY ${botContentGaps.id} ORDER BY score DESC LIMIT 1`,
  );
  const now = new Date();
  if (match && match.score >= ALIKE) {
    const [gap] = await tx.select().from(botContentGaps).where(inWorkspace(botContentGaps, workspaceId, eq(botContentGaps.id, match.id))).for("update");
    const examples = [text, ...gap!.examples.filter((example) => example !== text)].slice(0, MAX_EXAMPLES);
    await tx
      .update(botContentGaps)
      .set({ questionCount: gap!.questionCount + 1, examples, lastAskedAt: now })
      .where(inWorkspace(botContentGaps, workspaceId, eq(botContentGaps.id, match.id)));
    return;
  }
  await tx.insert(botContentGaps).values({ workspaceId, suggestedTitle: suggestTitle(text), examples: [text], lastAskedAt: now });
}

/** Gaps still worth an article, most asked first. */
export async function listContentGaps(ctx: ServiceContext, limit: number): Promise<ContentGap[]> {
  requireScope(ctx.actor, "conversations:read");
  return ctx.db
    .select()
    .from(botContentGaps)
    .where(inWorkspace(botContentGaps, ctx.actor.workspaceId, isNull(botContentGaps.dismissedAt)))
    .orderBy(desc(botContentGaps.questionCount), desc(botContentGaps.lastAskedAt))
    .limit(limit);
}

/** Hides a gap; alike questions asked later keep joining it, hidden, instead of raising it again. */
export async function dismissContentGap(ctx: ServiceContext, gapId: string): Promise<void> {
  requireScope(ctx.actor, "conversations:write");
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const [gap] = await tx
      .update(botContentGaps)
      .set({ dismissedAt: new Date() })
      .where(inWorkspace(botContentGaps, workspaceId, eq(botContentGaps.id, gapId)))
      .returning({ id: botContentGaps.id });
    if (!gap) throw notFound("not_found", "The content gap");
    await appendEvent(tx, { workspaceId, type: "bot.content_gap_dismissed", subjectType: "workspace", subjectId: workspaceId, actor: eventActor(ctx.actor), payload: { gapId } });
  });
}
