import "./search.filter.ts";
import "./search.type.ts";
import "./search.pictures.ts";
import "./search.queries.ts";
