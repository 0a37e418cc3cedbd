"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

type Messages = { email: string; password: string; submit: string; submitting: string; invalid: string; disabled: string; throttled: string; unknown: string };

/** Only same-site paths are followed after sign-in. */
function safeReturn(url: string | null): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/workspace";
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
    const res = await signIn("credentials", { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), redirect: false });
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
            ? m.throttled.replace("{m}", code.split(":")[1] ?? "15")
            : m.unknown,
    );
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="card stack" noValidate style={{ maxWidth: "28rem" }}>
      <div>
        <label htmlFor="email">{m.email}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div>
        <label htmlFor="password">{m.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
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
