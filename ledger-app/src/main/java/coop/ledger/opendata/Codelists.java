package coop.ledger.opendata;

import coop.ledger.project.api.ProjectStatus;
import coop.ledger.shared.CooperationDomain;

import java.util.Optional;

/**
 * The ledger's vocabularies in the OC4IDS codelists (projectStatus, projectSector, partyRole, contractingProcessStatus).
 * Each switch names every value of the ledger's vocabulary, so a new status or domain does not compile until it is
 * mapped here (and in docs/open-data-oc4ids.md).
 */
final class Codelists {

    /** partyRole: the entity developing the asset or delivering the service: the host (东道方). */
    static final String PUBLIC_AUTHORITY = "publicAuthority";
    /** partyRole: an entity providing money or finance for the project: the investor (投资方). */
    static final String FUNDER = "funder";
    /**
     * Not in the partyRole codelist, which is open: a signatory (签约方) of the cooperation agreement the project was
     * signed under. No code of the codelist says that (none of buyer, procuringEntity, administrativeEntity or
     * interestedParty is what a signatory of a cooperation agreement is), so the package adds this one.
     */
    static final String AGREEMENT_SIGNATORY = "agreementSignatory";

    private Codelists() {
    }

    /** projectStatus (closed codelist). */
    static String projectStatus(ProjectStatus status) {
        return switch (status) {
            // an intention (意向) is a decision to develop the project that is not yet firm
            case INTENTION -> "identification";
            // signed (已签约), not yet started: feasibility, approvals and procurement lie ahead
            case SIGNED -> "preparation";
            case UNDER_CONSTRUCTION -> "implementation";
            // in operation (建成投用): the codelist's maintenance stage "is also called operation"
            case IN_OPERATION -> "maintenance";
            case CANCELLED -> "cancelled";
        };
    }

    /** contractingProcessStatus (closed codelist) of the project's signing (签约). */
    static String signingStatus(ProjectStatus status) {
        return switch (status) {
            case INTENTION -> "pre-award";
            case SIGNED, UNDER_CONSTRUCTION -> "active";
            case IN_OPERATION, CANCELLED -> "closed";
        };
    }

    /**
     * projectSector (open codelist) where a code of it is the domain's own sector; empty where none is (public
     * services, reform, finance, livelihood are not sectors of infrastructure in its sense, and planning and land
     * is not natural-resource management). The domain itself is always published as an additional classification.
     */
    static Optional<String> projectSector(CooperationDomain domain) {
        return Optional.ofNullable(switch (domain) {
            case TRANSPORT, LOGISTICS -> "transport";
            case INDUSTRY, AGRICULTURE, INNOVATION -> "economy"; // "including agribusiness, agriculture, science"
            case ECOLOGY -> "naturalResources";
            case GOVERNMENT_SERVICES, JUDICIAL -> "governance"; // "government offices; justice, courts"
            case MEDICAL_INSURANCE, HEALTH -> "health"; // "healthcare and human services"
            case CULTURE_TOURISM -> "cultureSportsAndRecreation"; // "including tourism"
            case EDUCATION -> "education";
            case ENERGY -> "energy";
            case PUBLIC_SERVICES, PLANNING, REFORM, FINANCE, LIVELIHOOD, OTHER -> null;
        });
    }
}
