import { z } from "zod";

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
  password: z.string({ error: "password is required" }).min(1, "password is required").max(200, "password is too long"),
});

export type TSignUp = z.infer<typeof ZSignUp>;
export type TSignIn = z.infer<typeof ZSignIn>;
