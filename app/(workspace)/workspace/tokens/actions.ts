"use server";
// The signed-in person's own personal access tokens (permission token.own). The example of a
// server action that docs/adding-a-form.md walks through: a schema, a step that calls an
// authorizing data function, the paths to revalidate. The pipeline does the rest.
import { z } from "zod";
import { defineAction } from "@/lib/actions/pipeline";
import { ZTokenDays, ZTokenScope, type TTokenScope } from "@/lib/auth/tokens";
import { formatDateTime } from "@/lib/domain/numbers";
import { revokeQuestion } from "@/lib/i18n/accounts";
import { createToken, getRevocableToken, revokeToken } from "@/lib/data/tokens";
import { ZId } from "@/lib/validation/fields";
import { ZTokenName } from "@/lib/validation/accounts";

const PATH = "/workspace/tokens";

// A lifetime in days (1 to 365, 90 when not sent) and a scope (write when not sent): lib/auth/tokens.ts.
export const createTokenAction = defineAction<{ name: string; days: number; scope: TTokenScope }, { secret?: string }>({
  input: z.object({ name: ZTokenName, days: ZTokenDays, scope: ZTokenScope }),
  keepValues: true,
  run: async ({ name, days, scope }, { actor, ip, m }) => {
    const created = await createToken(actor, name, { days, scope, ip });
    const t = m.accounts.tokens;
    return { ok: true, message: `${t.created} ${t.createdDetail(t.scopes[created.scope], formatDateTime(created.expiresAt))}`, secret: created.token };
  },
  revalidate: () => [PATH],
});

export const revokeTokenAction = defineAction<{ id: string }>({
  input: z.object({ id: ZId }),
  // Asked first ("Thu hồi token “…” (gnp_ab12…)?"); the form's confirmation posts confirm=yes.
  confirm: async ({ id }, { actor, m }) => {
    const tok = await getRevocableToken(actor, id);
    if (tok.revokedAt) return null; // revoking twice changes nothing: nothing to ask
    return revokeQuestion(m.accounts.tokens, tok, actor.id);
  },
  run: async ({ id }, { actor, ip, m }) => {
    const r = await revokeToken(actor, id, { ip });
    return { ok: true, message: r.alreadyRevoked ? m.accounts.tokens.alreadyRevoked : m.accounts.tokens.revoked };
  },
  revalidate: () => [PATH],
});
