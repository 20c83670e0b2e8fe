import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "./session";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** Dates and times in the signed-in person's language and time zone (their own, else the workspace's). */
export function useFormat() {
  const { i18n } = useTranslation();
  const { user, workspace } = useSession();
  const timeZone = ("timeZone" in user && typeof user.timeZone === "string" && user.timeZone) || workspace.timeZone;
  const language = i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone });
    const time = new Intl.DateTimeFormat(language, { timeStyle: "short", timeZone });
    const relative = new Intl.RelativeTimeFormat(language, { numeric: "auto", style: "short" });
    const day = new Intl.DateTimeFormat("en-CA", { timeZone });
    return {
      timeZone,
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** Today's times as a time, older ones as a date and time. */
      when: (iso: string) => {
        const date = new Date(iso);
        return day.format(date) === day.format(new Date()) ? time.format(date) : dateTime.format(date);
      },
      /** "5 min ago", "in 2 hr". */
      relative: (iso: string, now = Date.now()) => {
        const seconds = (new Date(iso).getTime() - now) / 1000;
        for (const [unit, size] of UNITS) {
          if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
        }
        return relative.format(0, "minute");
      },
      /** A compact age such as "3m", "2h", "4d", for how long a customer has waited. */
      age: (iso: string, now = Date.now()) => {
        const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
        if (minutes < 60) return `${minutes}m`;
        if (minutes < 48 * 60) return `${Math.floor(minutes / 60)}h`;
        return `${Math.floor(minutes / (24 * 60))}d`;
      },
    };
  }, [language, timeZone]);
}
