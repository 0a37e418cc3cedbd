"use client";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="vi">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>Đã có lỗi xảy ra / Something went wrong</h1>
        <p>Vui lòng thử lại sau ít phút. / Please try again in a few minutes.</p>
        <button type="button" onClick={reset}>
          Thử lại / Try again
        </button>
      </body>
    </html>
  );
}
