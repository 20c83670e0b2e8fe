/** Wall-clock times in the agent's time zone, which need not be the browser's. */

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 is Sunday. */
  weekday: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function wallClock(date: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    weekday: "short",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "0";
  return {
    year: Number(part("year")),
    month: Number(part("month")),
    day: Number(part("day")),
    hour: Number(part("hour")) % 24,
    minute: Number(part("minute")),
    weekday: WEEKDAYS.indexOf(part("weekday")),
  };
}

function offsetAt(utcMs: number, timeZone: string): number {
  const wall = wallClock(new Date(utcMs), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return asUtc - Math.floor(utcMs / 60_000) * 60_000;
}

/** The instant a wall-clock time names in a time zone (month 1–12; days past the month's end roll over). */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetAt(guess, timeZone);
  // Across a daylight-saving change the offset at the answer can differ from the one at the guess.
  return new Date(guess - offsetAt(first, timeZone));
}

export function tomorrowAt(hour: number, timeZone: string, now = new Date()): Date {
  const today = wallClock(now, timeZone);
  return zonedTime(today.year, today.month, today.day + 1, hour, 0, timeZone);
}

/** Next Monday at the given hour (a week from today when today is Monday). */
export function nextWeekAt(hour: number, timeZone: string, now = new Date()): Date {
  const today = wallClock(now, timeZone);
  const days = ((8 - today.weekday) % 7) || 7;
  return zonedTime(today.year, today.month, today.day + days, hour, 0, timeZone);
}

/** "2025-03-01T09:30" (a datetime-local value) read in the time zone. */
export function fromLocalInput(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [, y, m, d, h, min] = match.map(Number) as [number, number, number, number, number, number];
  return zonedTime(y, m, d, h, min, timeZone);
}

/** The datetime-local value for an instant, in the time zone. */
export function toLocalInput(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
