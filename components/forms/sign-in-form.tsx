"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { safeReturnPath } from "@/lib/auth/safe-return";

type Messages = {
  email: string;
  password: string;
  submit: string;
  submitting: string;
  invalid: string;
  disabled: string;
  /** "… {m} minutes" */
  throttled: string;
  /** "… {s} seconds" */
  throttledSeconds: string;
  unknown: string;
};

/** Only paths of this site are followed after sign-in (lib/auth/safe-return.ts). */
function safeReturn(url: string | null): string {
  return safeReturnPath(url, "/workspace");
}

/** "throttled:<seconds>" (lib/auth/sign-in.ts) as the wait to show: seconds up to two minutes, else whole minutes rounded up. */
function throttledText(code: string, m: Messages): string {
  const seconds = Math.max(1, Number.parseInt(code.split(":")[1] ?? "", 10) || 60);
  return seconds <= 120 ? m.throttledSeconds.replace("{s}", String(seconds)) : m.throttled.replace("{m}", String(Math.ceil(seconds / 60)));
}

export function SignInForm({ m, callbackUrl }: { m: Messages; callbackUrl: string | null }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    // A refused request (e.g. 413, lib/auth/request-body.ts) or a lost connection reads as "could not sign in".
    const res = await signIn("credentials", { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), redirect: false }).catch(() => undefined);
    if (res?.ok && !res.error) {
      router.replace(safeReturn(callbackUrl));
      router.refresh();
      return;
    }
    const code = res?.error ?? "";
    setError(
      code === "invalid" || code === "CredentialsSignin"
        ? m.invalid
        : code === "disabled"
          ? m.disabled
          : code.startsWith("throttled:")
            ? throttledText(code, m)
            : m.unknown,
    );
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="card stack" noValidate style={{ maxWidth: "28rem" }}>
      <div>
        <label htmlFor="email">{m.email}</label>
        <input id="email" name="email" type="email" autoComplete="username" maxLength={200} required />
      </div>
      <div>
        <label htmlFor="password">{m.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" maxLength={200} required />
      </div>
      <div aria-live="assertive" role="status">
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? m.submitting : m.submit}
      </button>
    </form>
  );
}
