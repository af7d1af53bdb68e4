import { PARTICIPANT_PARAM, type ParticipantFilter, participantParam } from "@parley/schema";

/** The search's `participants` as fields of its form, so that every other change of the search keeps them. */
export function ParticipantFields({ participants }: { participants: readonly ParticipantFilter[] }) {
  return (
    <>
      {participants.map((entry) => {
        const value = participantParam(entry);
        return <input key={value} type="hidden" name={PARTICIPANT_PARAM} value={value} />;
      })}
    </>
  );
}
