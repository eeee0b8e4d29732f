package fr.labos.partenariats.schema.session;

/**
 * What a schedule achieves, in the order the scheduler optimises it: the smallest number of meetings any participant
 * gets, the mutual then one-sided wishes met, and the total weight of the meetings.
 */
public record ScheduleObjective(int minimumMeetings, int mutualWishesMet, int mutualWishes, int oneSidedWishesMet,
                                int oneSidedWishes, double totalWeight) {
}
