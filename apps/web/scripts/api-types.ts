import openapiTS, { astToString } from "openapi-typescript";
import type { OpenAPI3 } from "openapi-typescript";

export const API_TYPES_FILE = new URL("../src/api/schema.d.ts", import.meta.url);

const HEADER = "// Generated from the server's OpenAPI document by `npm run api:types`; do not edit by hand.\n\n";

/** The web app's API types, rendered from the server's OpenAPI document. */
export async function renderApiTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, { alphabetize: true, exportType: true });
  return HEADER + astToString(ast);
}
