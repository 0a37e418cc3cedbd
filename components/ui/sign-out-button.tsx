"use client";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";

export function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        await signOut({ redirect: false });
        router.replace("/");
        router.refresh();
      }}
    >
      {label}
    </button>
  );
}
