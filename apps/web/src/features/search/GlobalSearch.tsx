import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearch } from "wouter";
import { Kbd, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useShortcut } from "../../app/shortcuts";

/** The header's search box: "/" jumps to it, Enter opens the results page. Kept small, it is in the first load. */
export function GlobalSearch() {
  const { t } = useTranslation("search");
  const [location, navigate] = useLocation();
  const search = useSearch();
  const input = useRef<HTMLInputElement>(null);
  const onSearchPage = location === "/search";
  const current = onSearchPage ? (new URLSearchParams(search).get("q") ?? "") : "";
  const [value, setValue] = useState(current);

  // Follow the results page's query (its own box, back and forward), and clear once the person leaves it.
  useEffect(() => setValue(current), [current]);

  useShortcut("/", "focusSearch", "navigation", () => {
    input.current?.focus();
    input.current?.select();
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    if (!q) return;
    const params = onSearchPage ? new URLSearchParams(search) : new URLSearchParams();
    params.set("q", q);
    navigate(`/search?${params.toString()}`);
  };

  return (
    <form role="search" onSubmit={submit} style={{ flex: "0 1 420px", minWidth: 0 }}>
      <TextInput
        ref={input}
        type="search"
        aria-label={t("label")}
        placeholder={t("placeholder")}
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") event.currentTarget.blur();
        }}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={value ? null : <Kbd size="xs" aria-hidden visibleFrom="sm">/</Kbd>}
        rightSectionPointerEvents="none"
        maxLength={200}
      />
    </form>
  );
}
