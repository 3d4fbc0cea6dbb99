/** The signed-in user as the API shows them: never the password hash or the Clerk id. */
import type { z } from "zod";
import { ZPublicUser } from "@/contracts/auth";
import { pickWire } from "@/contracts/wire";
import type { User } from "../db/schema";

export function toPublicUser(user: Pick<User, "id" | "email" | "name">): z.input<typeof ZPublicUser> {
  return pickWire(ZPublicUser, user);
}
