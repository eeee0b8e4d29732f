package fr.labos.partenariats.matchmaking.introduction.command;

/** Where an introduction stands; every status but PROPOSED and ACCEPTED is final. */
enum IntroductionStatus {
    PROPOSED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN
}
