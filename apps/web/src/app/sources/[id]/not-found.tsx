import { RecordNotFound } from "../../../shared/NotFound.tsx";

/** Shown, with HTTP 404, when the page calls notFound() for an ID the API does not know. */
export default function SourceNotFound() {
  return <RecordNotFound what="source" />;
}
