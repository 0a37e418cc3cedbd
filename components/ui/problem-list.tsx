/** What was wrong with the page's query parameters, in words, above the results it still shows. */
export function ProblemList({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="card" style={{ marginTop: "1rem", borderColor: "var(--bad)" }}>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
