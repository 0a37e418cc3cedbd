// A labelled select of a GET filter form: the choices, an optional "any" first, the current value.
export function SelectField({
  id,
  label,
  value,
  options,
  any,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  /** The label of the empty choice ("Tất cả"), when the filter may be left open. */
  any?: string;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} defaultValue={value}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
