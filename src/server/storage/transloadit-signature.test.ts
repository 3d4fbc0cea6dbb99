import { describe, expect, it } from "vitest";
import { buildSignedAssemblyParams, formatTransloaditExpires, signTransloaditParams } from "./transloadit-signature";

// Known vectors from Transloadit's own Node SDK tests (transloadit/node-sdk, test-transloadit-client).
describe("Transloadit signature", () => {
  it("matches the SDK's HMAC-SHA384 vectors", () => {
    expect(signTransloaditParams("foo", "13123123123")).toBe(
      "sha384:8b90663d4b7d14ac7d647c74cb53c529198dee4689d0f8faae44f0df1c2a157acce5cb8c55a375218bc331897cf92e9d",
    );
    expect(signTransloaditParams("akjdkadskjads", "90191902390123")).toBe(
      "sha384:fc75f6a4bbb06340653c0f7efff013e94eb8e402e0e45cf40ad4bc95f45a3ae3263032000727359c595a433364a84f96",
    );
    expect(
      signTransloaditParams('{"foo":"bar","auth":{"key":"foo_key","expires":"2021-01-06T21:11:07.883Z"}}', "13123123123"),
    ).toBe(
      "sha384:431542b924ecc9e7f062e37d1c83554f5bc19664ed7e6e1ef954c0b021b9be19c9412c2074f226784c5419b630e8b70a",
    );
  });

  it("still produces the legacy bare HMAC-SHA1 form", () => {
    expect(signTransloaditParams("foo", "13123123123", "sha1")).toBe("57ddad5dbba538590e60f0938f364c7179316eba");
  });

  it("formats expiry as YYYY/MM/DD HH:mm:ss+00:00 in UTC", () => {
    expect(formatTransloaditExpires(new Date("2026-01-02T03:04:05.678Z"))).toBe("2026/01/02 03:04:05+00:00");
  });

  it("signs exactly the params string it returns", () => {
    const { params, signature } = buildSignedAssemblyParams(
      { authKey: "k", expires: new Date("2030-05-06T07:08:09Z"), nonce: "n1" },
      "s3cret",
    );
    expect(JSON.parse(params)).toEqual({
      auth: { key: "k", expires: "2030/05/06 07:08:09+00:00", nonce: "n1" },
      steps: { ":original": { robot: "/upload/handle" } },
    });
    expect(signature).toBe(signTransloaditParams(params, "s3cret"));
    const withTemplate = buildSignedAssemblyParams({ authKey: "k", expires: new Date(0), templateId: "tpl" }, "s");
    expect(JSON.parse(withTemplate.params).template_id).toBe("tpl");
  });
});
