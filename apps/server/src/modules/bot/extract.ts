import { foldText } from "./signals.ts";

/** What a customer reads in a chat bubble: a passage, not the article. */
export const MAX_PASSAGE_CHARS = 400;

interface Unit {
  section: number;
  text: string;
  heading: boolean;
  listItem: boolean;
}

// The plain text of an article keeps its structure: sections apart by blank lines, headings in capitals,
// list items starting with "*".
const SECTION_BREAK = /\n{3,}/;
const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“¿¡(])/u;
const LIST_MARK = /^\s*[*•-]\s+/;

const isHeading = (line: string) => line.length < 80 && /\p{Lu}/u.test(line) && line === line.toUpperCase();

function unitsOf(bodyText: string): Unit[] {
  const units: Unit[] = [];
  bodyText.split(SECTION_BREAK).forEach((section, index) => {
    for (const raw of section.split(/\n+/)) {
      const line = raw.trim();
      if (!line) continue;
      if (isHeading(line)) units.push({ section: index, text: line, heading: true, listItem: false });
      else if (LIST_MARK.test(raw)) units.push({ section: index, text: line.replace(LIST_MARK, ""), heading: false, listItem: true });
      else for (const sentence of line.split(SENTENCE_END)) units.push({ section: index, text: sentence.trim(), heading: false, listItem: false });
    }
  });
  return units;
}

/** A crude stem good enough to spot a question's word in a sentence: "refunds" in "refunded", "ship" in "shipping". */
const MIN_STEM = 4;
const STEM_LENGTH = 5;
function mentions(text: string, stems: readonly string[]): Set<string> {
  const tokens = foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const found = new Set<string>();
  for (const stem of stems) {
    if (tokens.some((token) => token.startsWith(stem) || (token.length >= MIN_STEM && stem.startsWith(token)))) found.add(stem);
  }
  return found;
}

function headingToSentence(text: string): string {
  return text.charAt(0) + text.slice(1).toLowerCase();
}

function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), maxChars / 2)).trimEnd()}…`;
}

/**
 * The few sentences of an article that best match a question: the sentence (or list item) holding the most
 * of the question's weight, with what follows it in its section, up to `maxChars`. A section whose heading
 * matches lends its sentences weight, so "## Returning boots" answers "return boots" with its first lines.
 */
export function extractPassage(bodyText: string, words: readonly { word: string; weight: number }[], maxChars = MAX_PASSAGE_CHARS): string {
  const units = unitsOf(bodyText);
  if (units.length === 0) return "";
  const weights = new Map(words.map(({ word, weight }) => [foldText(word).slice(0, STEM_LENGTH), weight]));
  const stems = [...weights.keys()].filter((stem) => stem.length >= 2);
  const weightOf = (found: Set<string>) => [...found].reduce((sum, stem) => sum + (weights.get(stem) ?? 0), 0);
  const headingWeight = new Map<number, number>();
  for (const unit of units) if (unit.heading) headingWeight.set(unit.section, weightOf(mentions(unit.text, stems)));
  let best = -1;
  let bestScore = 0;
  units.forEach((unit, index) => {
    if (unit.heading) return;
    const score = weightOf(mentions(unit.text, stems)) + 0.5 * (headingWeight.get(unit.section) ?? 0);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  const start = best >= 0 ? best : units.findIndex((unit) => !unit.heading);
  if (start < 0) return clip(headingToSentence(units[0]!.text), maxChars);
  // A list item reads better after the sentence that introduces the list.
  const introduced = units[start]!.listItem ? units.slice(0, start).findLastIndex((unit) => !unit.listItem && unit.section === units[start]!.section) : -1;
  const from = introduced >= 0 && units[introduced]!.text.endsWith(":") && !units[introduced]!.heading ? introduced : start;
  let passage = "";
  for (let index = from; index < units.length; index++) {
    const unit = units[index]!;
    if (unit.section !== units[start]!.section || unit.heading) break;
    const next = passage ? `${passage}${unit.listItem ? "\n- " : " "}${unit.text}` : unit.listItem ? `- ${unit.text}` : unit.text;
    if (passage && next.length > maxChars) break;
    passage = next;
  }
  return clip(passage, maxChars);
}
