import { describe, expect, it } from "vitest";
import { googleBaseUrl, groqBaseUrl, openAiCompatibleBaseUrl, withVersionPath } from "./provider-base-url";

describe("provider base URLs", () => {
  it("uses the public endpoints when no base is set", () => {
    expect(googleBaseUrl(undefined)).toBe("https://generativelanguage.googleapis.com/v1beta");
    expect(groqBaseUrl(undefined)).toBe("https://api.groq.com/openai/v1");
  });

  it("appends the provider's version path to a bare origin", () => {
    expect(googleBaseUrl("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010/v1beta");
    expect(googleBaseUrl("http://127.0.0.1:4010/")).toBe("http://127.0.0.1:4010/v1beta");
    expect(groqBaseUrl("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010/openai/v1");
    expect(groqBaseUrl("https://proxy.example/groq")).toBe("https://proxy.example/groq/openai/v1");
  });

  it("keeps a base that already ends in a version segment", () => {
    expect(googleBaseUrl("https://generativelanguage.googleapis.com/v1beta")).toBe(
      "https://generativelanguage.googleapis.com/v1beta",
    );
    expect(googleBaseUrl("https://proxy.example/gemini/v1/")).toBe("https://proxy.example/gemini/v1");
    expect(googleBaseUrl("https://proxy.example/v1alpha")).toBe("https://proxy.example/v1alpha");
    expect(groqBaseUrl("https://api.groq.com/openai/v1")).toBe("https://api.groq.com/openai/v1");
    expect(groqBaseUrl("https://gateway.example/v2")).toBe("https://gateway.example/v2");
  });

  it("does not mistake a path segment that merely contains v1 for a version", () => {
    expect(withVersionPath("https://host.example/api-v1x", "/v1beta")).toBe(
      "https://host.example/api-v1x/v1beta",
    );
    expect(withVersionPath("https://v1.example.com", "/v1beta")).toBe("https://v1.example.com/v1beta");
  });

  it("uses an OpenAI-compatible base as given, minus a trailing slash", () => {
    expect(openAiCompatibleBaseUrl("http://localhost:11434/v1/")).toBe("http://localhost:11434/v1");
    expect(openAiCompatibleBaseUrl("http://localhost:1234/api/v0")).toBe("http://localhost:1234/api/v0");
  });
});
