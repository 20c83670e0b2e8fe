import type { Channel, ConversationFilters, InboxCounts, Priority, SavedView, SavedViewFilters, Sort, Status } from "../../api/types";

export const BUILT_IN_VIEWS = ["mine", "unassigned", "open", "pending", "snoozed", "resolved"] as const;
export type BuiltInView = (typeof BUILT_IN_VIEWS)[number];

export const STATUSES: Status[] = ["open", "pending", "snoozed", "resolved", "closed"];
export const PRIORITIES: Priority[] = ["urgent", "high", "normal", "low"];
export const CHANNELS: Channel[] = ["email", "chat", "web_form", "social", "phone", "in_person", "api"];
export const SORTS: Sort[] = ["-last_activity", "last_activity", "-created", "created"];
export const DEFAULT_SORT: Sort = "-last_activity";

/** What a view shows before the toolbar narrows it: the same filters a saved view stores. */
export interface ViewDefinition {
  filters: SavedViewFilters;
  sort: Sort;
}

// Team, channel and tag views count open conversations in the sidebar, so they list the same ones.
const BUILT_IN: Record<BuiltInView, SavedViewFilters> = {
  mine: { assignee: "me", status: ["open"] },
  unassigned: { assignee: "none", status: ["open"] },
  open: { status: ["open"] },
  pending: { status: ["pending"] },
  snoozed: { status: ["snoozed"] },
  resolved: { status: ["resolved"] },
};

export type ParsedView =
  | { kind: "builtIn"; name: BuiltInView }
  | { kind: "team"; id: string }
  | { kind: "channel"; channel: Channel }
  | { kind: "tag"; tag: string }
  | { kind: "saved"; id: string }
  | { kind: "unknown" };

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Reads the URL's view segment: `mine`, `team-<id>`, `channel-<name>`, `tag-<name>`, `view-<id>`… */
export function parseView(slug: string): ParsedView {
  if ((BUILT_IN_VIEWS as readonly string[]).includes(slug)) return { kind: "builtIn", name: slug as BuiltInView };
  const dash = slug.indexOf("-");
  if (dash < 0) return { kind: "unknown" };
  const prefix = slug.slice(0, dash);
  const rest = safeDecode(slug.slice(dash + 1));
  if (!rest) return { kind: "unknown" };
  if (prefix === "team") return { kind: "team", id: rest };
  if (prefix === "channel") return (CHANNELS as string[]).includes(rest) ? { kind: "channel", channel: rest as Channel } : { kind: "unknown" };
  if (prefix === "tag") return { kind: "tag", tag: rest };
  if (prefix === "view") return { kind: "saved", id: rest };
  return { kind: "unknown" };
}

export const viewSlug = {
  team: (id: string) => `team-${id}`,
  channel: (channel: string) => `channel-${channel}`,
  tag: (tag: string) => `tag-${encodeURIComponent(tag)}`,
  saved: (id: string) => `view-${id}`,
};

/** The view's own filters; undefined while a saved view is still loading or when it does not exist. */
export function defineView(view: ParsedView, savedViews: SavedView[] | undefined): ViewDefinition | undefined {
  switch (view.kind) {
    case "builtIn":
      return { filters: BUILT_IN[view.name], sort: DEFAULT_SORT };
    case "team":
      return { filters: { team: view.id, status: ["open"] }, sort: DEFAULT_SORT };
    case "channel":
      return { filters: { channel: [view.channel], status: ["open"] }, sort: DEFAULT_SORT };
    case "tag":
      return { filters: { tag: [view.tag], status: ["open"] }, sort: DEFAULT_SORT };
    case "saved": {
      const saved = savedViews?.find((candidate) => candidate.id === view.id);
      return saved ? { filters: saved.filters, sort: saved.sort } : undefined;
    }
    default:
      return undefined;
  }
}

/** The sidebar's count for a view, when the counts answer has one. */
export function countFor(view: ParsedView, counts: InboxCounts | undefined): number | undefined {
  if (!counts) return undefined;
  switch (view.kind) {
    case "builtIn":
      return counts[view.name];
    case "team":
      return counts.teams[view.id] ?? 0;
    case "channel":
      return counts.channels[view.channel] ?? 0;
    case "tag":
      return counts.tags[view.tag];
    case "saved":
      return counts.views[view.id];
    default:
      return undefined;
  }
}

/** The toolbar's narrowing, kept in the URL's query so a filtered list can be shared and survives a reload. */
export interface Refinement {
  status?: Status[];
  priority?: Priority[];
  channel?: Channel[];
  sort?: Sort;
}

function listParam<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  return raw.split(",").filter((value): value is T => (allowed as readonly string[]).includes(value));
}

export function parseRefinement(search: string): Refinement {
  const params = new URLSearchParams(search);
  const sort = params.get("sort");
  return {
    status: listParam(params, "status", STATUSES),
    priority: listParam(params, "priority", PRIORITIES),
    channel: listParam(params, "channel", CHANNELS),
    sort: (SORTS as string[]).includes(sort ?? "") ? (sort as Sort) : undefined,
  };
}

export function formatRefinement(refinement: Refinement): string {
  const params = new URLSearchParams();
  for (const name of ["status", "priority", "channel"] as const) {
    const values = refinement[name];
    if (values) params.set(name, values.join(","));
  }
  if (refinement.sort) params.set("sort", refinement.sort);
  const search = params.toString().replaceAll("%2C", ",");
  return search ? `?${search}` : "";
}

export function isRefined(refinement: Refinement): boolean {
  return Object.values(refinement).some((value) => value !== undefined);
}

/** The view with the toolbar's choices laid over it; an empty choice means "any". */
export function applyRefinement(view: ViewDefinition, refinement: Refinement): ViewDefinition {
  const filters: SavedViewFilters = { ...view.filters };
  for (const name of ["status", "priority", "channel"] as const) {
    const values = refinement[name];
    if (values === undefined) continue;
    if (values.length === 0) delete filters[name];
    else Object.assign(filters, { [name]: values });
  }
  return { filters, sort: refinement.sort ?? view.sort };
}

/** The list endpoint's query for a view (without paging). */
export function listQuery(view: ViewDefinition): ConversationFilters {
  return { ...view.filters, sort: view.sort };
}
