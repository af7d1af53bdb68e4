import { builder } from "../../builder.ts";
import { counted, relationPage } from "../shared/connections.ts";
import { DatePrecisionEnum } from "../shared/enums.ts";
import { pageComplexity } from "../shared/paging.ts";
import { EventRef } from "./event.type.ts";

export const ProcessRef = builder.prismaNode("Process", {
  nullable: true,
  id: { field: "id" },
  description:
    "A named peace process or conflict episode (the Pakistan–TTP talks of 2021–2022): the events and positions that belong to it.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The process's name, with its years." }),
    description: t.exposeString("description", {
      nullable: true,
      description: "What the process is about, in a few sentences; null when none was written.",
    }),
    startDate: t.field({
      type: "Date",
      nullable: true,
      description: "When it began, at `startPrecision`; null when not recorded.",
      resolve: (p) => p.startDate,
    }),
    startPrecision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: "How precisely `startDate` is known; null with it.",
      resolve: (p) => p.startPrecision,
    }),
    endDate: t.field({
      type: "Date",
      nullable: true,
      description: "When it ended, at `endPrecision`; null while it goes on or when not recorded.",
      resolve: (p) => p.endDate,
    }),
    endPrecision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: "How precisely `endDate` is known; null with it.",
      resolve: (p) => p.endPrecision,
    }),
    events: t.connection(
      {
        type: EventRef,
        description: "The events of the process, oldest first.",
        complexity: pageComplexity,
        ...relationPage("Process.events", "events", () => ({ orderBy: [{ startDate: "asc" }, { id: "asc" }] })),
      },
      counted("ProcessEventConnection", "A page of a process's events.", "events of the process"),
      { name: "ProcessEventEdge" },
    ),
  }),
});
