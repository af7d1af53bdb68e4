interface Entry {
  name: string;
  description: string | null;
}

/** One vocabulary as a definition list: the label people see, the code the API and URLs use, what it means. */
export function Codebook({
  id,
  title,
  entries,
  label,
}: {
  id: string;
  title: string;
  entries: Entry[];
  label: (code: string) => string;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <dl className="codebook">
        {entries.map((e) => (
          <div key={e.name}>
            <dt>
              {label(e.name)} <code className="muted">{e.name}</code>
            </dt>
            <dd>{e.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
