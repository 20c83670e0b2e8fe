import { describe, expect, it } from "vitest";
import { FIELD_KEY, keyFromLabel, ORIGIN } from "./widget-settings";

describe("widget settings", () => {
  it("makes a field key from a label as people write it", () => {
    expect(keyFromLabel("Order number")).toBe("order_number");
    expect(keyFromLabel("¿Número de pedido?")).toBe("numero_de_pedido");
    expect(keyFromLabel("2nd address line")).toBe("nd_address_line");
    for (const label of ["Order number", "¿Número de pedido?", "Company / team"]) expect(keyFromLabel(label)).toMatch(FIELD_KEY);
  });

  it("accepts origins the server accepts, and nothing with a path", () => {
    for (const origin of ["https://www.example.com", "http://localhost:3000", "http://localhost:*"]) expect(origin).toMatch(ORIGIN);
    for (const origin of ["www.example.com", "https://example.com/", "https://example.com/shop", "ftp://example.com"]) expect(origin).not.toMatch(ORIGIN);
  });
});
