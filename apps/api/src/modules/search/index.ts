import "./search.type.ts";
import "./search.queries.ts";
