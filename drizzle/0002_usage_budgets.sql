CREATE TABLE "daily_usage" (
	"user_id" text NOT NULL,
	"day" date NOT NULL,
	"tokens" bigint DEFAULT 0 NOT NULL,
	"cost_usd" double precision DEFAULT 0 NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"unpriced_calls" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_usage_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
ALTER TABLE "node_results" ADD COLUMN "usage" jsonb;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD COLUMN "error_code" text;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD COLUMN "budget" jsonb;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD COLUMN "usage" jsonb;--> statement-breakpoint
ALTER TABLE "workflows" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_usage" ADD CONSTRAINT "daily_usage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;