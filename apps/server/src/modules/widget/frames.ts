import Type, { type Static } from "typebox";
import { Compile } from "typebox/compile";
import type { WidgetClientFrame, WidgetServerFrame } from "./protocol.ts";

/** The frames a widget sends, checked the same way on the socket and on the fallback transport. */
export const ClientFrameSchema = Type.Union([
  Type.Object({ type: Type.Literal("sync"), after: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal("send"),
      clientId: Type.String({ minLength: 1, maxLength: 100, pattern: "^[A-Za-z0-9_-]+$", description: "A UUID the widget made for this message." }),
      text: Type.String({ maxLength: 20_000 }),
      attachmentIds: Type.Optional(Type.Array(Type.String({ format: "uuid" }), { maxItems: 10 })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal("typing"), typing: Type.Boolean() }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("read"), seq: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("page"), url: Type.String({ maxLength: 2000 }), title: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("ping") }, { additionalProperties: false }),
]);

// The schema and the protocol's type must describe the same frames.
const sameFrames: Static<typeof ClientFrameSchema> extends WidgetClientFrame ? (WidgetClientFrame extends Static<typeof ClientFrameSchema> ? true : never) : never = true;
void sameFrames;

const check = Compile(ClientFrameSchema);
const TYPES = ["sync", "send", "typing", "read", "page", "ping"];

export type FrameError = Extract<WidgetServerFrame, { type: "error" }>;

/** A frame from the socket, or the error frame that answers it. Nothing a client sends can throw. */
export function readClientFrame(text: string): WidgetClientFrame | FrameError {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { type: "error", code: "invalid_frame", message: "The frame is not valid JSON." };
  }
  if (check.Check(frame)) return frame;
  const type = (frame as { type?: unknown } | null)?.type;
  if (typeof type !== "string" || !TYPES.includes(type)) {
    return { type: "error", code: "unknown_type", message: `Send a JSON object whose "type" is one of ${TYPES.join(", ")}.` };
  }
  const [first] = check.Errors(frame);
  return { type: "error", code: "invalid_frame", message: `A "${type}" frame: ${first?.instancePath || "the frame"} ${first?.message ?? "is invalid"}.` };
}
