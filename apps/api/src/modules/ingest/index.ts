import "./candidate.type.ts";
import "./candidate.queries.ts";
import "./candidate.mutations.ts";
