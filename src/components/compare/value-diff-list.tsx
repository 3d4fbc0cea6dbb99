/**
 * One section of a node's differences (params, inputs or outputs), key by key: text as a word
 * diff, images and videos of both runs next to each other, anything else as JSON side by side.
 */
"use client";
import type { ReactNode } from "react";
import { ImagePreview } from "@/components/canvas/result-view";
import type { PortType } from "@/engine/node-catalogue";
import { diffValues, type KeyChange } from "@/lib/diff/value-diff";
import { mediaOf, unwrapSingle, type Media } from "./media";
import { WordDiffView } from "./word-diff-view";

type JsonObject = Record<string, unknown>;
type Change = Exclude<KeyChange, { kind: "same" }>;

const KIND_TONE: Record<Change["kind"], string> = {
  added: "text-emerald-300",
  removed: "text-red-300",
  changed: "text-amber-200",
};

export function ValueDiffList(props: {
  title: string;
  before: JsonObject | null;
  after: JsonObject | null;
  /** Port types by key, when the values are a node's inputs or outputs. */
  portTypes?: Record<string, PortType>;
  testId: string;
}) {
  const all = diffValues(props.before, props.after);
  const changes = all.filter((c): c is Change => c.kind !== "same");
  if (changes.length === 0) return null;
  const same = all.length - changes.length;
  return (
    <section data-testid={props.testId} className="space-y-2">
      <h4 className="text-[10px] font-semibold uppercase tracking-wider text-zinc-500">
        {props.title}
        {same > 0 && (
          <span className="ml-2 font-normal normal-case tracking-normal text-zinc-600">{same} unchanged</span>
        )}
      </h4>
      <dl className="space-y-2">
        {changes.map((change) => (
          <div key={change.key} data-testid={`${props.testId}-${change.key}`} data-kind={change.kind}>
            <dt className="mb-0.5 flex items-baseline gap-2 text-[11px]">
              <span className="font-medium text-zinc-300">{change.key}</span>
              <span className={KIND_TONE[change.kind]}>{change.kind}</span>
            </dt>
            <dd>
              <ChangeBody
                change={change}
                portType={props.portTypes?.[change.key]}
                testId={`${props.testId}-${change.key}`}
              />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ChangeBody({ change, portType, testId }: { change: Change; portType?: PortType; testId: string }) {
  const before = change.kind === "added" ? undefined : unwrapSingle(change.before);
  const after = change.kind === "removed" ? undefined : unwrapSingle(change.after);
  const media = [before, after].map((v) =>
    v === undefined || v === null ? null : mediaOf(change.key, v, portType),
  );
  if (media[0] || media[1]) {
    return (
      <SideBySide
        a={
          media[0] ? <MediaView media={media[0]} alt={`${change.key} in run A`} /> : <Plain value={before} />
        }
        b={media[1] ? <MediaView media={media[1]} alt={`${change.key} in run B`} /> : <Plain value={after} />}
      />
    );
  }
  const text = (v: unknown) => (v === undefined ? "" : v);
  const [a, b] = [text(before), text(after)];
  if (typeof a === "string" && typeof b === "string")
    return <WordDiffView before={a} after={b} testId={`${testId}-diff`} />;
  return <SideBySide a={<Plain value={before} />} b={<Plain value={after} />} />;
}

function SideBySide({ a, b }: { a: ReactNode; b: ReactNode }) {
  return (
    <div className="grid grid-cols-2 gap-2">
      <div>
        <div className="mb-0.5 text-[10px] uppercase tracking-wider text-zinc-600">Run A</div>
        {a}
      </div>
      <div>
        <div className="mb-0.5 text-[10px] uppercase tracking-wider text-zinc-600">Run B</div>
        {b}
      </div>
    </div>
  );
}

function MediaView({ media, alt }: { media: Media; alt: string }) {
  return (
    <div className={media.urls.length > 1 ? "grid grid-cols-2 gap-1" : ""}>
      {media.urls.map((url, i) =>
        media.kind === "image" ? (
          <ImagePreview key={i} src={url} alt={media.urls.length > 1 ? `${alt} (${i + 1})` : alt} />
        ) : (
          <video
            key={i}
            src={url}
            controls
            preload="metadata"
            className="max-h-48 w-full rounded-md border border-line"
            aria-label={alt}
          />
        ),
      )}
    </div>
  );
}

function Plain({ value }: { value: unknown }) {
  if (value === undefined) return <p className="text-xs italic text-zinc-500">absent</p>;
  return (
    <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-words rounded-md border border-line bg-black/30 p-1.5 text-xs text-zinc-200">
      {typeof value === "string" ? value : JSON.stringify(value, null, 2)}
    </pre>
  );
}
