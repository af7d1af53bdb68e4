import { graphql } from "../graphql/tada.ts";
import { EventChangesFields } from "./changes.fragment.ts";

export const EventPageQuery = graphql(
  `
  query EventPage($id: ID!) {
    event(id: $id) {
      id type title summary startDate endDate datePrecision outcome contested version
      fatalities { low best high }
      places { id name country lat lon }
      participants { role note actor { id name kind } }
      process { id name }
      related { kind direction label event { id title startDate datePrecision } }
      claims {
        id quote stance speakerLabel
        speaker { id name }
        source { id title publishedAt publishedPrecision outlet { id name } }
      }
      positions {
        id kind summary
        holder { id name }
        claims {
          id quote stance speakerLabel
          speaker { id name }
          source { id title publishedAt publishedPrecision outlet { id name } }
        }
      }
      ...EventChangesFields
    }
  }
`,
  [EventChangesFields],
);
