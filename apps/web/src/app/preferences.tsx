import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDirection } from "@mantine/core";
import type { Language } from "../i18n";
import { directionFor, storedDirection, type DirectionChoice } from "./direction";

interface Preferences {
  setLanguage(language: Language): void;
  direction: DirectionChoice;
  setDirection(choice: DirectionChoice): void;
}

const PreferencesContext = createContext<Preferences | null>(null);

export function usePreferences(): Preferences {
  const preferences = useContext(PreferencesContext);
  if (!preferences) throw new Error("usePreferences is used outside <PreferencesProvider>.");
  return preferences;
}

/** Language and layout direction, kept on the document (lang, dir) so assistive technology and CSS follow. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const { setDirection: setMantineDirection } = useDirection();
  const [direction, setDirectionChoice] = useState<DirectionChoice>(storedDirection);

  useEffect(() => {
    const dir = directionFor(direction, i18n.language);
    document.documentElement.lang = i18n.language;
    document.documentElement.dir = dir;
    setMantineDirection(dir);
  }, [direction, i18n.language, setMantineDirection]);

  const setLanguage = useCallback(
    (language: Language) => {
      localStorage.setItem("rapport.language", language);
      void i18n.changeLanguage(language);
    },
    [i18n],
  );
  const setDirection = useCallback((choice: DirectionChoice) => {
    localStorage.setItem("rapport.direction", choice);
    setDirectionChoice(choice);
  }, []);

  const value = useMemo(() => ({ setLanguage, direction, setDirection }), [setLanguage, direction, setDirection]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}
