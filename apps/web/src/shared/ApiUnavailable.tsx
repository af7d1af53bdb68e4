import type { CombinedError } from "@urql/core";

/**
 * A page the API could not serve. Only an API that does not answer gets the advice to start it; one
 * that answered with an error is quoted.
 */
export function ApiUnavailable({ apiUrl, error }: { apiUrl: string; error: CombinedError | undefined }) {
  const unreachable = !error || Boolean(error.networkError);
  return (
    <section className="notice notice-error" role="alert" aria-labelledby="api-error-heading">
      <h1 id="api-error-heading">
        {unreachable ? "Parley’s API is not answering" : "Parley’s API answered with an error"}
      </h1>
      {unreachable ? (
        <>
          <p>
            Parley&rsquo;s API at <code>{apiUrl}</code> is not answering, so there is nothing to show.
          </p>
          <p>What you can do:</p>
          <ul>
            <li>
              Start the API and this site together with <code>pnpm start</code> (or <code>pnpm dev</code>) from the
              repository root.
            </li>
            <li>
              If the API runs elsewhere, set <code>PARLEY_API_URL</code> to its GraphQL address and restart this site.
            </li>
            <li>Then reload this page.</li>
          </ul>
        </>
      ) : (
        <p>
          The API at <code>{apiUrl}</code> could not answer for this page. Reload it in a moment; if the error stays,
          the details below say what the API reported.
        </p>
      )}
      {error && (
        <details>
          <summary>Technical details</summary>
          <pre>{error.message}</pre>
        </details>
      )}
    </section>
  );
}
