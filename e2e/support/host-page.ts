import http from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext } from "@playwright/test";
import { baseURL } from "./env.ts";
import { test } from "./fixtures.ts";

/** What a host page is made of; each is a query parameter of the page's address. */
export interface HostPageOptions {
  workspace: string;
  /** The page's direction, for right-to-left pages. */
  dir?: "ltr" | "rtl";
  /** `window.RapportSettings`, set by a script of the host's own, as a host that signs its users does. */
  identity?: { userId: string; email?: string; name?: string; signature: string };
  /** A path under the host, for proactive rules matching on the address. */
  path?: string;
}

/**
 * Someone else's website: a tiny server on its own port, so a different origin from Rapport's, serving a
 * page that embeds the widget with the install snippet. The page sends a strict Content-Security-Policy
 * (no inline scripts or styles, Rapport's origin allowed as the docs say) and unfriendly CSS, so a test
 * also proves the widget works under that policy and is not restyled by the host.
 */
export class HostSite {
  private constructor(
    private readonly server: http.Server,
    readonly port: number,
  ) {}

  /** The origin a test allows in the widget's settings. */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The same site under another name: another origin, one the workspace has not allowed. */
  get otherOrigin(): string {
    return `http://localhost:${this.port}`;
  }

  pageUrl(options: HostPageOptions, origin = this.origin): string {
    const url = new URL(options.path ?? "/shop", origin);
    url.searchParams.set("workspace", options.workspace);
    if (options.dir) url.searchParams.set("dir", options.dir);
    if (options.identity) url.searchParams.set("identity", JSON.stringify(options.identity));
    return url.href;
  }

  static async start(): Promise<HostSite> {
    const rapport = new URL(baseURL);
    const policy = [
      "default-src 'self'",
      `script-src 'self' ${rapport.origin}`,
      `connect-src ${rapport.origin} ws://${rapport.host}`,
      `img-src 'self' ${rapport.origin} data:`,
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
    ].join("; ");
    const server = http.createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://host.invalid");
      if (url.pathname === "/settings.js") {
        response.writeHead(200, { "content-type": "text/javascript" });
        response.end(`window.RapportSettings = ${url.searchParams.get("identity") ?? "undefined"};`);
        return;
      }
      if (url.pathname === "/host.css") {
        response.writeHead(200, { "content-type": "text/css" });
        response.end("body { font: 18px/1.6 Georgia, serif; color: #333; margin: 40px; } button, div, p { background: hotpink !important; font-size: 30px !important; border: 4px dashed green !important; }");
        return;
      }
      if (request.method !== "GET" || url.pathname === "/favicon.ico") {
        response.writeHead(404).end();
        return;
      }
      const workspace = url.searchParams.get("workspace") ?? "";
      const dir = url.searchParams.get("dir") === "rtl" ? "rtl" : "ltr";
      const identity = url.searchParams.get("identity");
      const settings = identity ? `<script src="/settings.js?identity=${encodeURIComponent(identity)}"></script>` : "";
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": policy });
      response.end(`<!doctype html>
<html lang="${dir === "rtl" ? "ar" : "en"}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Example Shop</title><link rel="stylesheet" href="/host.css"></head>
<body>
<h1>Example Shop</h1>
<p>Everything for your garden, delivered.</p>
${settings}
<script src="${rapport.origin}/widget.js" data-workspace="${workspace.replace(/[^a-z0-9-]/g, "")}" async></script>
</body>
</html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new HostSite(server, (server.address() as AddressInfo).port);
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}

/**
 * A host site for the tests of one file: started before them, stopped after them; the visitors' browsers a
 * test puts in `visitors` are closed after it.
 */
export function useHostSite(): { readonly site: HostSite; readonly visitors: BrowserContext[] } {
  let started: HostSite | undefined;
  const visitors: BrowserContext[] = [];
  test.beforeAll(async () => {
    started = await HostSite.start();
  });
  test.afterEach(async () => {
    for (const visitor of visitors.splice(0)) await visitor.close();
  });
  test.afterAll(async () => {
    await started?.stop();
  });
  return {
    get site() {
      if (!started) throw new Error("The host site starts before the tests: use it inside a test.");
      return started;
    },
    visitors,
  };
}
