import type { Page } from "@playwright/test";

/**
 * Watches the page for a text to enter the document and notes when, on the wall clock the test shares with the
 * page (same machine). Started before the change is made, so Playwright's own polling adds nothing to the figure.
 * The source is a string because it runs in the page, which has none of the test's modules.
 */
export async function watchForText(page: Page, text: string): Promise<() => Promise<number>> {
  const key = `__appeared_${Math.random().toString(36).slice(2)}`;
  await page.evaluate(`(() => {
    const text = ${JSON.stringify(text)};
    const key = ${JSON.stringify(key)};
    const seen = () => document.body.textContent.includes(text);
    if (seen()) { window[key] = Date.now(); return; }
    const observer = new MutationObserver(() => {
      if (!seen()) return;
      window[key] = Date.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  return async () => {
    const handle = await page.waitForFunction((name) => (globalThis as unknown as Record<string, number | undefined>)[name], key, { timeout: 10_000 });
    return (await handle.jsonValue()) as number;
  };
}
