import Type from "typebox";
import { contextOf, type App } from "../../platform/http/context.ts";
import { errorResponses, IdParams, NoContent } from "../../platform/http/schemas.ts";
import type { RealtimeDeps } from "../../platform/realtime/routes.ts";
import { dismissContentGap, listContentGaps } from "./gaps.ts";
import { answerEngineFor } from "./llm.ts";
import { BotSettingsPatch, BotSettingsSchema, BotStatsSchema, ContentGapSchema, presentBotSettings, presentContentGap } from "./presenters.ts";
import { botStats, configureBot } from "./service.ts";
import { readBotSettings, updateBotSettings } from "./settings.ts";

const DAY_MS = 86_400_000;

/** The answer bot's settings, statistics and content gaps, under /api/v1/bot. */
export function registerBotRoutes(api: App, deps: RealtimeDeps): void {
  configureBot({ publicUrl: deps.config.publicUrl, agentsOnline: (workspaceId) => deps.realtime.agentsOnline(workspaceId), engine: answerEngineFor(deps.config) });
  const tags = ["Answer bot"];

  api.get(
    "/bot/settings",
    { schema: { tags, summary: "The answer bot's settings (admins)", response: { 200: BotSettingsSchema, ...errorResponses } } },
    async (request) => presentBotSettings(await readBotSettings(contextOf(deps, request))),
  );

  api.patch(
    "/bot/settings",
    { schema: { tags, summary: "Change the answer bot's settings; fields left out stay as they are (admins)", body: BotSettingsPatch, response: { 200: BotSettingsSchema, ...errorResponses } } },
    async (request) => presentBotSettings(await updateBotSettings(contextOf(deps, request), request.body)),
  );

  api.get(
    "/bot/stats",
    {
      schema: {
        tags,
        summary: "What the bot did in a period, from its events: conversations answered, resolved by the bot, handed over (by reason), and the deflection rate",
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ format: "date-time", description: "Start, inclusive; 30 days before `to` when left out." })),
            to: Type.Optional(Type.String({ format: "date-time", description: "End, exclusive; now when left out." })),
          },
          { additionalProperties: false },
        ),
        response: { 200: BotStatsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const to = request.query.to ? new Date(request.query.to) : new Date();
      const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - 30 * DAY_MS);
      return botStats(contextOf(deps, request), { from, to });
    },
  );

  api.get(
    "/bot/content-gaps",
    {
      schema: {
        tags,
        summary: "Questions the bot could not answer, grouped into articles worth writing, most asked first",
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(ContentGapSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await listContentGaps(contextOf(deps, request), request.query.limit ?? 50)).map(presentContentGap) }),
  );

  api.post(
    "/bot/content-gaps/:id/dismiss",
    { schema: { tags, summary: "Hide a content gap: not an article worth writing", params: IdParams, body: Type.Optional(Type.Object({}, { additionalProperties: false })), response: { 204: NoContent, ...errorResponses } } },
    async (request, reply) => {
      await dismissContentGap(contextOf(deps, request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
