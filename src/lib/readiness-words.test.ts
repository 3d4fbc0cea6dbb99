import { describe, expect, it } from "vitest";
import { readinessWords } from "./readiness-words";

describe("readinessWords", () => {
  it("names an empty typed input by its label and says how to fill it", () => {
    expect(readinessWords("llm", "user_message", "user message is required")).toBe(
      "User message is empty: type it here or connect a Text node.",
    );
  });

  it("says to connect an input that cannot be typed", () => {
    expect(readinessWords("cropImage", "image_url", "an image is required")).toBe("Image is missing: connect a node that gives an image.");
  });

  it("keeps other messages, under the field's label", () => {
    expect(readinessWords("llm", "provider", "Groq is not configured on this server")).toBe("Provider: Groq is not configured on this server");
    expect(readinessWords(undefined, "max_tokens", "too many")).toBe("Max tokens: too many");
    expect(readinessWords("llm", undefined, "plain")).toBe("plain");
  });
});
