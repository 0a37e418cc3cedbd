// A field's error, announced to screen readers (the first of its messages, as the forms show them).
export function FieldError({ id, error }: { id: string; error?: string[] }) {
  return error?.length ? (
    <p id={id} className="field-error">
      {error[0]}
    </p>
  ) : null;
}

export function errProps(name: string, errors: Record<string, string[]> | undefined) {
  return errors?.[name]?.length ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};
}
