import { describe, expect, it } from "vitest";
import { detectSignals } from "./signals.ts";

describe("detectSignals", () => {
  it.each([
    "Can I talk to a human please",
    "i want a REAL person",
    "put me through to an agent",
    "is there an operator?",
    "Quiero hablar con una persona",
    "pásame con un agente",
    "Ich möchte mit einem Mitarbeiter sprechen",
    "bitte einen Menschen",
    "Je voudrais un conseiller",
    "je veux parler à quelqu'un",
    "Je veux parler a quelqu’un",
  ])("hears a request for a person in %j", (text) => {
    const signals = detectSignals(text);
    expect(signals.humanRequested).toBe(true);
    expect(signals.reasons.some((reason) => reason.startsWith("human: "))).toBe(true);
  });

  it.each(["Where is my agenda?", "How do I reset my password", "What are your store hours in Leeds", "Is the human-sized tent in stock", "Mitarbeiterrabatt?"])(
    "hears no request for a person in %j",
    (text) => {
      expect(detectSignals(text).humanRequested).toBe(false);
    },
  );

  it.each([
    ["This is ridiculous, three weeks and nothing", "negative: 'ridiculous'"],
    ["worst shop ever", "negative: 'worst'"],
    ["Totally unacceptable", "negative: 'unacceptable'"],
    ["estoy harto de esperar", "negative: 'estoy harto'"],
    ["Estoy muy ENFADADO", "negative: 'enfadado'"],
    ["es inaceptable", "negative: 'inaceptable'"],
    ["Das ist eine Frechheit", "negative: 'frechheit'"],
    ["c'est inadmissible", "negative: 'inadmissible'"],
    ["WHERE IS MY ORDER I PAID TWO WEEKS AGO", "negative: shouting"],
    ["where is my parcel!!!", "negative: '!!!'"],
  ])("hears anger in %j", (text, reason) => {
    const signals = detectSignals(text);
    expect(signals.negative).toBe(true);
    expect(signals.reasons).toContain(reason);
  });

  it.each(["Thanks, that was helpful", "Do you ship to Canada?", "My DHL tracking says delivered", "I'd like to exchange my boots for a 42"])("hears no anger in %j", (text) => {
    expect(detectSignals(text).negative).toBe(false);
  });

  it.each([
    ["my husband has chest pain after using the stove indoors", "urgent: 'chest pain'"],
    ["my son had an allergic reaction to the gloves", "urgent: 'allergic reaction'"],
    ["you charged me twice for one order", "urgent: 'charged me twice'"],
    ["this looks like fraud", "urgent: 'fraud'"],
    ["URGENT: wrong address", "urgent: 'urgent'"],
    ["Es urgente, por favor", "urgent: 'urgente'"],
    ["Bitte dringend antworten", "urgent: 'dringend'"],
    ["I will contact my lawyer", "urgent: 'lawyer'"],
    ["I need it by tonight for my trip", "urgent: 'need it by tonight'"],
  ])("hears urgency in %j", (text, reason) => {
    const signals = detectSignals(text);
    expect(signals.urgent).toBe(true);
    expect(signals.reasons).toContain(reason);
  });

  it.each(["How long does shipping take?", "Can I return a sleeping bag?", "Do you have a store in Bristol"])("hears no urgency in %j", (text) => {
    expect(detectSignals(text).urgent).toBe(false);
  });

  it.each([
    ["yes thanks", "helpful"],
    ["Yes, that answered it!", "helpful"],
    ["sí, gracias", "helpful"],
    ["ja danke", "helpful"],
    ["oui merci", "helpful"],
    ["perfect", "helpful"],
    ["no", "unhelpful"],
    ["No thanks", "unhelpful"],
    ["not really", "unhelpful"],
    ["nein", "unhelpful"],
    ["non", "unhelpful"],
    ["no realmente", "unhelpful"],
    ["that didn't help", "unhelpful"],
    ["How do I return my boots?", null],
    ["now I need to change my address", null],
    ["no I ordered a tent last week and it never came and nobody answers my emails", null],
  ])("reads %j as feedback %j", (text, feedback) => {
    expect(detectSignals(text).feedback).toBe(feedback);
  });

  it("gives a calm question no flags and no reasons", () => {
    expect(detectSignals("How long do refunds take?")).toEqual({ humanRequested: false, negative: false, urgent: false, feedback: null, reasons: [] });
  });
});
