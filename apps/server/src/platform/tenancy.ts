import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

type TenantTable = { workspaceId: PgColumn };

/**
 * The one way a query is scoped to a workspace. Every read and write of tenant data
 * goes through this condition, so a forgotten `workspace_id` is a missing call that
 * review and the cross-workspace tests catch, not a subtle clause.
 */
export function inWorkspace(table: TenantTable, workspaceId: string, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.workspaceId, workspaceId), ...conditions) as SQL;
}
