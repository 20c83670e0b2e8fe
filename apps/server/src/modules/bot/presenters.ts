import Type from "typebox";
import { IsoDate, Uuid } from "../../platform/http/schemas.ts";
import type { ContentGap } from "./gaps.ts";
import type { BotSettings } from "./settings.ts";

const Greeting = Type.Record(Type.String({ pattern: "^[a-z]{2}$" }), Type.String({ maxLength: 500 }), { description: "Per language (en, es): opens the bot's first answer." });

export const BotSettingsSchema = Type.Object({
  enabled: Type.Boolean({ description: "Whether the bot answers new chats first." }),
  name: Type.String({ description: "Shown on the bot's messages in the widget." }),
  handoverTeamId: Type.Union([Uuid, Type.Null()], { description: "The team a handed-over conversation goes to; null leaves it in the shared queue." }),
  humanTiers: Type.Array(Type.String(), { description: "Customers whose `tier` attribute is one of these go straight to a person." }),
  confidenceThreshold: Type.Number({ description: "0–1: below it the bot hands over rather than answer." }),
  greeting: Greeting,
  emailAutoResponse: Type.Boolean({ description: "Whether a new email conversation gets one automatic reply with suggested articles; it stays open for a person." }),
});

export const BotSettingsPatch = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    handoverTeamId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    humanTiers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 })),
    confidenceThreshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    greeting: Type.Optional(Greeting),
    emailAutoResponse: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const presentBotSettings = (settings: BotSettings) => ({
  enabled: settings.enabled,
  name: settings.name,
  handoverTeamId: settings.handoverTeamId,
  humanTiers: settings.humanTiers,
  confidenceThreshold: settings.confidenceThreshold,
  greeting: settings.greeting,
  emailAutoResponse: settings.emailAutoResponse,
});

export const BotStatsSchema = Type.Object({
  from: IsoDate,
  to: IsoDate,
  conversations: Type.Integer({ description: "Conversations the bot answered or handed over in the period." }),
  answered: Type.Integer(),
  resolvedByBot: Type.Integer(),
  handedOver: Type.Integer(),
  handedOverByReason: Type.Record(Type.String(), Type.Integer(), { description: "human_requested, urgent, negative, tier, no_answer, low_confidence, unhelpful." }),
  helpful: Type.Integer({ description: "\"Yes\" answers to the bot's question." }),
  unhelpful: Type.Integer(),
  deflectionRate: Type.Number({ description: "Conversations resolved by the bot and not handed over, over `conversations`; 0 with none." }),
});

export const ContentGapSchema = Type.Object({
  id: Uuid,
  suggestedTitle: Type.String(),
  count: Type.Integer({ description: "Questions in this group." }),
  examples: Type.Array(Type.String(), { description: "Up to five of the questions, newest first." }),
  lastAskedAt: IsoDate,
});

export const presentContentGap = (gap: ContentGap) => ({
  id: gap.id,
  suggestedTitle: gap.suggestedTitle,
  count: gap.questionCount,
  examples: gap.examples,
  lastAskedAt: gap.lastAskedAt.toISOString(),
});
