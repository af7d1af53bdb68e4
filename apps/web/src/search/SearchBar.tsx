/** The words of the search: the form's first submit button, so Enter in the box searches. */
export function SearchBar({ query }: { query: string }) {
  return (
    <div className="search-bar">
      <h1 className="visually-hidden">Search events</h1>
      <label className="search-box">
        <span className="visually-hidden">Search events, actors and places</span>
        <input
          type="search"
          name="q"
          defaultValue={query}
          placeholder="Search events, actors, places — any spelling"
          key={query}
        />
      </label>
      <button type="submit">Search</button>
    </div>
  );
}
