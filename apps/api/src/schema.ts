import { builder } from "./builder.ts";
import "./modules/shared/scalars.ts";
import "./modules/shared/enums.ts";
import "./modules/shared/errors.ts";
import "./modules/events/place.type.ts";
import "./modules/events/event.type.ts";
import "./modules/events/event.queries.ts";
import "./modules/actors/actor.type.ts";
import "./modules/actors/actor.queries.ts";
import "./modules/sources/source.type.ts";
import "./modules/sources/source.queries.ts";
import "./modules/search/index.ts";

export const schema = builder.toSchema({ sortSchema: false });
