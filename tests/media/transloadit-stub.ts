/**
 * A local stand-in for Transloadit's API on 127.0.0.1: `POST /assemblies` checks the
 * auth key, the expiry format and the HMAC-SHA384 signature (recomputed with the
 * secret, as Transloadit does) and answers in Transloadit's Assembly Status format;
 * the status URL completes on the first poll; uploaded files are served back with
 * Range support. It records what it received so tests can assert on it.
 */
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubUpload {
  fieldOrder: string[];
  params: Record<string, unknown>;
  signature: string;
  bytes: Buffer;
  mime: string;
}

export interface TransloaditStub {
  url: string;
  uploads: StubUpload[];
  polls: number;
  close(): Promise<void>;
}

export async function startTransloaditStub(key: string, secret: string): Promise<TransloaditStub> {
  const files = new Map<string, { bytes: Buffer; mime: string }>();
  const assemblies = new Map<string, Record<string, unknown>>();
  const stub: TransloaditStub = { url: "", uploads: [], polls: 0, close: async () => undefined };

  const server: Server = createServer(async (req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    try {
      const url = new URL(req.url ?? "/", stub.url);
      if (req.method === "POST" && url.pathname === "/assemblies") {
        const form = await new Response(new Uint8Array(await readBody(req)), {
          headers: { "content-type": req.headers["content-type"] ?? "" },
        }).formData();
        const fieldOrder = [...form.keys()];
        const paramsText = String(form.get("params"));
        const signature = String(form.get("signature"));
        const params = JSON.parse(paramsText) as { auth?: { key?: string; expires?: string }; template_id?: string };
        if (params.auth?.key !== key) return json(401, { error: "GET_ACCOUNT_UNKNOWN_AUTH_KEY", message: "Unknown auth key" });
        const expires = params.auth?.expires ?? "";
        if (!/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\+00:00$/.test(expires)) {
          return json(400, { error: "INVALID_EXPIRES", message: `bad expires ${expires}` });
        }
        const [date, time] = expires.replace("+00:00", "").split(" ");
        if (Date.parse(`${date.replaceAll("/", "-")}T${time}Z`) < Date.now()) {
          return json(400, { error: "AUTH_EXPIRED", message: "expired" });
        }
        const expected = `sha384:${createHmac("sha384", secret).update(paramsText).digest("hex")}`;
        if (signature !== expected) return json(403, { error: "INVALID_SIGNATURE", message: "Signature mismatch" });

        const file = form.get("file") as File;
        const bytes = Buffer.from(await file.arrayBuffer());
        stub.uploads.push({ fieldOrder, params, signature, bytes, mime: file.type });
        const assemblyId = randomBytes(16).toString("hex");
        const uploadId = randomBytes(8).toString("hex");
        files.set(uploadId, { bytes, mime: file.type });
        const upload = {
          id: uploadId,
          name: file.name,
          basename: file.name.replace(/\.[^.]*$/, ""),
          ext: file.name.split(".").pop(),
          size: bytes.length,
          mime: file.type,
          type: file.type.split("/")[0],
          field: "file",
          url: `${stub.url}/files/${uploadId}`,
          ssl_url: `${stub.url}/files/${uploadId}`,
          meta: {},
        };
        const status = {
          ok: "ASSEMBLY_COMPLETED",
          message: "The Assembly was successfully completed.",
          assembly_id: assemblyId,
          assembly_url: `${stub.url}/assemblies/${assemblyId}`,
          assembly_ssl_url: `${stub.url}/assemblies/${assemblyId}`,
          bytes_received: bytes.length,
          uploads: [upload],
          results: params.template_id
            ? { store: [{ ...upload, id: `${uploadId}s`, ssl_url: `${stub.url}/files/${uploadId}?stored=1` }] }
            : {},
        };
        assemblies.set(assemblyId, status);
        return json(200, { ...status, ok: "ASSEMBLY_EXECUTING", uploads: [], results: {} });
      }
      const assembly = /^\/assemblies\/([0-9a-f]+)$/.exec(url.pathname);
      if (req.method === "GET" && assembly) {
        stub.polls++;
        const status = assemblies.get(assembly[1]);
        return status ? json(200, status) : json(404, { error: "ASSEMBLY_NOT_FOUND" });
      }
      const fileMatch = /^\/files\/([0-9a-f]+)$/.exec(url.pathname);
      const file = fileMatch && files.get(fileMatch[1]);
      if (req.method === "GET" && file) {
        const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? "");
        if (range) {
          const start = Number(range[1]);
          const end = Math.min(Number(range[2]), file.bytes.length - 1);
          res.writeHead(206, { "content-type": file.mime, "content-range": `bytes ${start}-${end}/${file.bytes.length}` });
          return res.end(file.bytes.subarray(start, end + 1));
        }
        res.writeHead(200, { "content-type": file.mime, "content-length": file.bytes.length });
        return res.end(file.bytes);
      }
      json(404, { error: "NOT_FOUND" });
    } catch (error) {
      json(500, { error: "STUB_FAILURE", message: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return stub;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
