import { ActionForm } from "./ActionForm.tsx";
import { ingest } from "./actions.ts";

/** A report into candidates from the browser: pasted text, or an uploaded HTML (or text) file. */
export function IngestForm({ formKey, open }: { formKey: string; open: boolean }) {
  return (
    <details className="ingest" open={open}>
      <summary>Add a report</summary>
      <ActionForm
        action={ingest}
        name="ingest"
        hidden={{ key: formKey }}
        submit="Ingest the report"
        className="ingest-form"
      >
        <label>
          Paste the report&apos;s text
          <textarea name="content" rows={8} placeholder="Headline on the first line, then the article" />
        </label>
        <label>
          or upload an HTML page or a text file{" "}
          <input type="file" name="file" accept=".html,.htm,.txt,text/html,text/plain" />
        </label>
        <div className="ingest-meta">
          <label>
            Outlet <input name="outlet" placeholder="dawn, or the outlet's name" />
          </label>
          <label>
            Published <input name="date" type="date" />
          </label>
          <label>
            URL <input name="url" type="url" placeholder="https://…" />
          </label>
          <label>
            Title <input name="title" placeholder="the report's headline by default" />
          </label>
        </div>
      </ActionForm>
    </details>
  );
}
