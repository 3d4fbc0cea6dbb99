CREATE TYPE "public"."run_source" AS ENUM('editor', 'api');--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD COLUMN "source" "run_source" DEFAULT 'api' NOT NULL;