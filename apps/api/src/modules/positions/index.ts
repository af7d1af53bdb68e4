import "./position.type.ts";
import "./position.queries.ts";
import "./position.mutations.ts";
