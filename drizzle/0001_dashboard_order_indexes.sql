DROP INDEX "workflows_user_updated_idx";--> statement-breakpoint
CREATE INDEX "workflow_runs_workflow_created_idx" ON "workflow_runs" USING btree ("workflow_id","created_at","id");--> statement-breakpoint
CREATE INDEX "workflows_user_updated_id_idx" ON "workflows" USING btree ("user_id","updated_at","id");