import createDOMPurify from "dompurify";

/**
 * Message HTML is hostile input. The server sanitizes it before storing, and this does it again in the browser,
 * so a gap in either one is not enough. Kept apart so only the conversation's chunk carries DOMPurify.
 */
const purify = createDOMPurify(window);

const REMOTE = /^\s*(https?:)?\/\//i;
let blockRemote = true;
let blocked = 0;

purify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A" && node.hasAttribute("href")) {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
  // A remote image tells the sender that, when and from where the message was read; it waits for the agent's say-so.
  if (blockRemote) {
    if (node.tagName === "IMG" && REMOTE.test(node.getAttribute("src") ?? "")) {
      node.setAttribute("src", "");
      blocked += 1;
    }
    node.removeAttribute("srcset");
    if (REMOTE.test(node.getAttribute("background") ?? "")) node.removeAttribute("background");
    if (REMOTE.test(node.getAttribute("poster") ?? "")) node.removeAttribute("poster");
  }
});

export interface SanitizedHtml {
  html: string;
  /** How many remote images were held back. */
  blockedImages: number;
}

export function sanitizeMessageHtml(dirty: string, options: { allowRemoteImages: boolean }): SanitizedHtml {
  blockRemote = !options.allowRemoteImages;
  blocked = 0;
  try {
    const html = purify.sanitize(dirty, {
      FORBID_TAGS: ["style", "script", "form", "iframe", "frame", "frameset", "object", "embed", "input", "button", "textarea", "select", "link", "meta", "base"],
      FORBID_ATTR: ["style", "srcdoc", "formaction"],
      ALLOW_DATA_ATTR: false,
      // The server's mark on quoted history, which the message view folds away.
      ADD_ATTR: ["data-quoted"],
    });
    return { html, blockedImages: blocked };
  } finally {
    blockRemote = true;
  }
}
