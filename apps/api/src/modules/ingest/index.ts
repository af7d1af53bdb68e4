import "./candidate.type.ts";
import "./candidate.queries.ts";
import "./candidate.mutations.ts";
import "./report.mutations.ts";
import "./source.fields.ts";
