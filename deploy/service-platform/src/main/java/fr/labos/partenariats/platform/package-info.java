/**
 * What profile-service and matchmaking-service share and must do the same way: sign-in and the acting principal
 * ({@code security}), RFC 7807 problem documents ({@code problem}), abuse limits ({@code limits}), the relay of an
 * Axon event store to Kafka ({@code relay}). Each sub-package is wired by an auto-configuration so a service only
 * depends on this module.
 */
package fr.labos.partenariats.platform;
