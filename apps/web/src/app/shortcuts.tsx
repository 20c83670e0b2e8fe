import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Group, Kbd, Modal, Stack, Table, Text, Title } from "@mantine/core";

/**
 * Keyboard shortcuts. A binding is a key ("j", "?", "Enter") or a two-key sequence ("g i"); bindings do not fire
 * while the person is typing in a field, except Escape. Each binding carries a translated description, so the
 * "?" sheet lists exactly what is bound right now.
 */
export interface Shortcut {
  keys: string;
  /** An i18n key in the "shortcuts" namespace. */
  description: string;
  group: "navigation" | "conversation" | "inbox" | "general";
  handler: (event: KeyboardEvent) => void;
  /** Fires even while a field has focus (for Escape-like keys). */
  inFields?: boolean;
}

interface Registry {
  add(shortcut: Shortcut): () => void;
  list(): Shortcut[];
}

const ShortcutContext = createContext<Registry | null>(null);

const SEQUENCE_MS = 1200;

// Inputs that take no typing: a focused checkbox (a row's selection, say) must not swallow j, k or x.
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"]);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName) || target.getAttribute("role") === "combobox";
}

export function ShortcutProvider({ children }: { children: ReactNode }) {
  const shortcuts = useRef(new Set<Shortcut>());
  const pending = useRef<{ key: string; at: number } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const registry = useMemo<Registry>(
    () => ({
      add(shortcut) {
        shortcuts.current.add(shortcut);
        return () => shortcuts.current.delete(shortcut);
      },
      list: () => [...shortcuts.current],
    }),
    [],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      // A key held in an open dialog belongs to the dialog.
      if (document.querySelector("[role=dialog][aria-modal=true]") && event.key !== "Escape") return;
      const typing = isTyping(event.target);
      const now = Date.now();
      const previous = pending.current && now - pending.current.at < SEQUENCE_MS ? pending.current.key : null;
      const candidates = [...shortcuts.current].filter((shortcut) => !typing || shortcut.inFields);
      const sequence = previous ? `${previous} ${event.key}` : null;
      const match = (sequence && candidates.find((shortcut) => shortcut.keys === sequence)) || candidates.find((shortcut) => shortcut.keys === event.key);
      pending.current = candidates.some((shortcut) => shortcut.keys.startsWith(`${event.key} `)) ? { key: event.key, at: now } : null;
      if (!match) return;
      event.preventDefault();
      pending.current = null;
      match.handler(event);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <ShortcutContext.Provider value={registry}>
      {children}
      <HelpBinding open={() => setHelpOpen(true)} />
      <ShortcutHelp opened={helpOpen} onClose={() => setHelpOpen(false)} shortcuts={registry.list()} />
    </ShortcutContext.Provider>
  );
}

function HelpBinding({ open }: { open: () => void }) {
  useShortcut("?", "showShortcuts", "general", open);
  return null;
}

/** Binds a shortcut while the calling component is mounted. */
export function useShortcut(keys: string, description: string, group: Shortcut["group"], handler: (event: KeyboardEvent) => void, options: { enabled?: boolean; inFields?: boolean } = {}) {
  const registry = useContext(ShortcutContext);
  const latest = useRef(handler);
  latest.current = handler;
  const enabled = options.enabled ?? true;
  const inFields = options.inFields ?? false;
  useEffect(() => {
    if (!registry || !enabled) return;
    return registry.add({ keys, description, group, inFields, handler: (event) => latest.current(event) });
  }, [registry, keys, description, group, enabled, inFields]);
}

const GROUPS: Shortcut["group"][] = ["navigation", "inbox", "conversation", "general"];

function ShortcutHelp({ opened, onClose, shortcuts }: { opened: boolean; onClose: () => void; shortcuts: Shortcut[] }) {
  const { t } = useTranslation("shortcuts");
  return (
    <Modal opened={opened} onClose={onClose} title={t("title")} size="lg">
      <Stack>
        {GROUPS.map((group) => {
          const inGroup = shortcuts.filter((shortcut) => shortcut.group === group);
          if (inGroup.length === 0) return null;
          return (
            <section key={group}>
              <Title order={3} size="h5" mb="xs">
                {t(`group.${group}`)}
              </Title>
              <Table striped>
                <Table.Tbody>
                  {inGroup.map((shortcut) => (
                    <Table.Tr key={shortcut.keys + shortcut.description}>
                      <Table.Td w={120}>
                        <Group gap={4}>
                          {shortcut.keys.split(" ").map((key) => (
                            <Kbd key={key}>{key}</Kbd>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(shortcut.description)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </section>
          );
        })}
      </Stack>
    </Modal>
  );
}
