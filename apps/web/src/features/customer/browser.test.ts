import { describe, expect, it } from "vitest";
import { describeBrowser } from "./browser";

describe("describeBrowser", () => {
  it("names the browser, its major version and the system", () => {
    expect(describeBrowser("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36")).toBe("Chrome 131 · Android");
    expect(describeBrowser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86")).toBe("Edge 131 · Windows");
    expect(describeBrowser("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).toBe("Safari 17 · iOS");
    expect(describeBrowser("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe("Firefox 133 · Linux");
  });

  it("falls back to the string's first word for a browser it does not know", () => {
    expect(describeBrowser("curl/8.5.0")).toBe("curl/8.5.0");
  });
});
