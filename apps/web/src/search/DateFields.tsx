/** The date range as two fields: the same filter as the timeline's range, for typing and for pages without JavaScript. */
export function DateFields({ from, to }: { from?: string; to?: string }) {
  return (
    <fieldset className="facet" aria-labelledby="facet-dates">
      <legend id="facet-dates">Dates</legend>
      <div className="date-fields">
        <label>
          From <input type="date" name="from" defaultValue={from} key={`from-${from ?? ""}`} />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={to} key={`to-${to ?? ""}`} />
        </label>
        <button type="submit" className="secondary">
          Apply dates
        </button>
      </div>
    </fieldset>
  );
}
