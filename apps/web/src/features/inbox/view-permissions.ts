import { useTranslation } from "react-i18next";
import { notifications } from "@mantine/notifications";
import { ApiError } from "../../api/client";
import type { Role } from "../../api/types";

const RANK: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2, owner: 3 };
export const atLeast = (role: Role, wanted: Role) => RANK[role] >= RANK[wanted];

export function useFailureNotice() {
  const { t } = useTranslation(["inbox", "common"]);
  return (error: unknown) => notifications.show({ color: "red", title: t("savedView.failed"), message: error instanceof ApiError ? error.message : t("common:error") });
}
