CREATE TABLE "workflow_graph_parts" (
	"workflow_id" text NOT NULL,
	"hash" text NOT NULL,
	"body" jsonb NOT NULL,
	CONSTRAINT "workflow_graph_parts_workflow_id_hash_pk" PRIMARY KEY("workflow_id","hash")
);
--> statement-breakpoint
CREATE TABLE "workflow_versions" (
	"workflow_id" text NOT NULL,
	"version" integer NOT NULL,
	"last_version" integer NOT NULL,
	"node_refs" text[] NOT NULL,
	"edges_ref" text NOT NULL,
	"node_count" integer NOT NULL,
	"edge_count" integer NOT NULL,
	"message" text,
	"created_by" text,
	"restored_from" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_versions_workflow_id_version_pk" PRIMARY KEY("workflow_id","version")
);
--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD COLUMN "workflow_version" integer;--> statement-breakpoint
ALTER TABLE "workflow_graph_parts" ADD CONSTRAINT "workflow_graph_parts_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD CONSTRAINT "workflow_versions_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD CONSTRAINT "workflow_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workflow_runs_workflow_version_idx" ON "workflow_runs" USING btree ("workflow_id","workflow_version");--> statement-breakpoint
-- Every insert of a workflow and every change of its version keeps that graph as a version
-- (DESIGN §9), in the same statement as the save, whoever writes it. Nodes are stored by content
-- hash, so a save adds only the nodes it changed; a save whose graph equals the latest version's
-- (a rename, new settings) extends that version's range instead of adding a row.
CREATE FUNCTION galaxy_snapshot_workflow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  refs text[];
  bodies jsonb[];
  eref text := md5(NEW.edges::text);
  latest workflow_versions%ROWTYPE;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.version = OLD.version THEN
    RETURN NULL;
  END IF;
  -- One pass over the nodes (hashing is most of a snapshot's cost).
  SELECT coalesce(array_agg(md5(n.value::text) ORDER BY n.ord), '{}'), coalesce(array_agg(n.value ORDER BY n.ord), '{}')
    INTO refs, bodies
    FROM jsonb_array_elements(NEW.nodes) WITH ORDINALITY AS n(value, ord);
  SELECT * INTO latest FROM workflow_versions WHERE workflow_id = NEW.id ORDER BY version DESC LIMIT 1;
  IF FOUND AND latest.node_refs = refs AND latest.edges_ref = eref AND latest.version < NEW.version THEN
    UPDATE workflow_versions SET last_version = NEW.version
      WHERE workflow_id = NEW.id AND version = latest.version AND last_version < NEW.version;
    RETURN NULL;
  END IF;
  -- Only the parts the latest version does not already list (the others are stored).
  INSERT INTO workflow_graph_parts (workflow_id, hash, body)
    SELECT NEW.id, n.hash, n.body FROM unnest(refs, bodies) AS n(hash, body)
      WHERE n.hash NOT IN (SELECT unnest(coalesce(latest.node_refs, '{}')))
    UNION ALL
    SELECT NEW.id, eref, NEW.edges WHERE eref IS DISTINCT FROM latest.edges_ref
    ON CONFLICT DO NOTHING;
  INSERT INTO workflow_versions (workflow_id, version, last_version, node_refs, edges_ref, node_count, edge_count, created_by)
    VALUES (NEW.id, NEW.version, NEW.version, refs, eref, jsonb_array_length(NEW.nodes), jsonb_array_length(NEW.edges), NEW.user_id)
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER workflows_snapshot AFTER INSERT OR UPDATE OF version ON workflows
  FOR EACH ROW EXECUTE FUNCTION galaxy_snapshot_workflow();
--> statement-breakpoint
-- Workflows saved before versions existed start with their current graph as their only version.
INSERT INTO workflow_graph_parts (workflow_id, hash, body)
  SELECT w.id, md5(n.value::text), n.value FROM workflows w, jsonb_array_elements(w.nodes) AS n(value)
  UNION ALL
  SELECT w.id, md5(w.edges::text), w.edges FROM workflows w
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO workflow_versions (workflow_id, version, last_version, node_refs, edges_ref, node_count, edge_count, created_by)
  SELECT w.id, w.version, w.version,
    (SELECT coalesce(array_agg(md5(n.value::text) ORDER BY n.ord), '{}') FROM jsonb_array_elements(w.nodes) WITH ORDINALITY AS n(value, ord)),
    md5(w.edges::text), jsonb_array_length(w.nodes), jsonb_array_length(w.edges), w.user_id
  FROM workflows w;
