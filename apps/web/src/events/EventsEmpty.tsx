export function EventsEmpty() {
  return (
    <section className="notice" aria-labelledby="empty-heading">
      <h1 id="empty-heading">No events yet</h1>
      <p>Parley&rsquo;s API is answering but holds no events.</p>
      <ul>
        <li>
          Load the demo dataset into the empty database with <code>pnpm parley prepare</code> from the repository root.
        </li>
        <li>
          Load your own data files with <code>pnpm parley load &lt;files&gt;</code>.
        </li>
        <li>Then reload this page.</li>
      </ul>
    </section>
  );
}
