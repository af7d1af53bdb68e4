import type { CombinedError } from "@urql/core";

export function ApiUnavailable({ apiUrl, error }: { apiUrl: string; error: CombinedError | undefined }) {
  const unreachable = Boolean(error?.networkError);
  return (
    <section className="notice notice-error" role="alert" aria-labelledby="api-error-heading">
      <h1 id="api-error-heading">
        {unreachable ? "Parley’s API is not answering" : "Parley’s API answered with an error"}
      </h1>
      <p>
        {unreachable ? "Parley’s API at " : "The API at "}
        <code>{apiUrl}</code>
        {unreachable ? " is not answering, so there are no events to show." : " could not list events."}
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
      {error && (
        <details>
          <summary>Technical details</summary>
          <pre>{error.message}</pre>
        </details>
      )}
    </section>
  );
}
