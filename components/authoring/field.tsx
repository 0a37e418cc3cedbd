// A labelled input with its error, announced to screen readers.
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="field-error">
      {error}
    </p>
  ) : null;
}

export function errProps(name: string, errors: Record<string, string> | undefined) {
  const e = errors?.[name];
  return e ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};
}
