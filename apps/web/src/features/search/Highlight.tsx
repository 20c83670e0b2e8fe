import { Fragment } from "react";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const decode = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);

/**
 * The server sends passages as escaped text with matches in <mark>. Rather than trusting that as HTML, only the
 * <mark> tags are read and everything else becomes text, so a passage can never inject markup.
 */
export function Highlight({ html }: { html: string }) {
  const parts = html.split(/(<\/?mark>)/);
  let marked = false;
  return (
    <>
      {parts.map((part, index) => {
        if (part === "<mark>") {
          marked = true;
          return null;
        }
        if (part === "</mark>") {
          marked = false;
          return null;
        }
        if (!part) return null;
        const text = decode(part);
        return marked ? <mark key={index}>{text}</mark> : <Fragment key={index}>{text}</Fragment>;
      })}
    </>
  );
}
