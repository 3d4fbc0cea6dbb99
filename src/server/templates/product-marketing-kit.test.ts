import { describe, expect, it } from "vitest";
import { graphFixture } from "../../../tests/fixtures";
import { FIXTURE_IMAGE, FIXTURE_VIDEO } from "../../../tests/fixtures/fixture-assets";
import { buildProductMarketingKit } from "./product-marketing-kit";

describe("the Product Marketing Kit template", () => {
  it("builds exactly the golden graph in tests/fixtures/graphs/product-marketing-kit.json", () => {
    // A change to the template shows here first; update the fixture on purpose when it is wanted.
    expect(buildProductMarketingKit(FIXTURE_IMAGE, FIXTURE_VIDEO, "google", "gemini-2.5-flash")).toEqual(graphFixture("product-marketing-kit"));
  });
});
