/** Accounts, sessions and personal API tokens: the signed-in user, token lists, and the bodies the auth routes accept. */
import { z } from "zod";
import { ZId } from "./list-query";
import { ZIsoDate } from "./wire";

// ---- answers ----

export const ZPublicUser = z
  .object({ id: z.string(), email: z.string(), name: z.string().nullable() })
  .meta({ id: "User" });

export const ZMe = z.object({
  user: ZPublicUser,
  via: z.enum(["session", "token", "clerk"]).meta({ description: "how this request authenticated" }),
});

/** A token as lists show it: never the secret or its hash. */
export const ZPublicApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "the first characters of the token (`gxy_ab12cd`)" }),
    createdAt: ZIsoDate,
    lastUsedAt: ZIsoDate.nullable(),
  })
  .meta({ id: "ApiToken" });

export const ZCreatedApiToken = ZPublicApiToken.omit({ lastUsedAt: true }).extend({
  token: z.string().meta({ description: "the secret, shown in this answer only (stored hashed)" }),
});

// ---- requests ----

export const ZEmail = z
  .string({ error: "email is required" })
  .trim()
  .toLowerCase()
  .max(254, "email is too long")
  .pipe(z.email({ error: "email must be an e-mail address" }));

export const ZSignUp = z.object({
  email: ZEmail,
  password: z
    .string({ error: "password is required" })
    .min(8, "password must be at least 8 characters")
    .max(200, "password must be at most 200 characters"),
  name: z.string().trim().max(100, "name must be at most 100 characters").optional(),
});

export const ZSignIn = z.object({
  email: ZEmail,
  password: z
    .string({ error: "password is required" })
    .min(1, "password is required")
    .max(200, "password is too long"),
});

export const ZCreateToken = z.object({
  name: z
    .string({ error: "name is required" })
    .trim()
    .min(1, "name is required")
    .max(100, "name must be at most 100 characters"),
});

export const ZTokenParams = z.object({ id: ZId });

export type TSignUp = z.output<typeof ZSignUp>;
export type TSignIn = z.output<typeof ZSignIn>;
