import i18n from "../i18n";

export type DirectionChoice = "auto" | "ltr" | "rtl";

/** The layout direction: the language's own, unless the person chose one (e.g. to read right-to-left names). */
export function directionFor(choice: DirectionChoice, language = i18n.language): "ltr" | "rtl" {
  return choice === "auto" ? i18n.dir(language) : choice;
}

export function storedDirection(): DirectionChoice {
  const value = localStorage.getItem("rapport.direction");
  return value === "ltr" || value === "rtl" ? value : "auto";
}
