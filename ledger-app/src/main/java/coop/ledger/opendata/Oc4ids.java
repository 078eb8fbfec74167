package coop.ledger.opendata;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * The parts of the OC4IDS 0.9 project package (Open Contracting for Infrastructure Data Standard) the ledger fills,
 * named as the standard names them. Empty fields are left out: the schema refuses empty strings, lists and objects
 * ({@code minLength}, {@code minItems}, {@code minProperties}). Dates are RFC 3339 date-times: a business date is
 * midnight in Asia/Shanghai, a recorded-at instant is UTC.
 */
final class Oc4ids {

    /** The OC4IDS schema version the package follows ({@code major.minor}). */
    static final String VERSION = "0.9";

    private Oc4ids() {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsProjectPackage", description = "An OC4IDS 0.9 project package: "
            + "https://standard.open-contracting.org/infrastructure/schema/0__9__5/project-package-schema.json")
    record ProjectPackage(String uri, String version, String publishedDate, Publisher publisher, String license,
                          List<Project> projects) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsPublisher")
    record Publisher(String name, String uri) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsProject")
    record Project(String id, String updated, String language, List<Identifier> identifiers,
                   OrganizationReference publicAuthority, String title, String description, Budget budget,
                   Period period, String status, List<String> sector,
                   List<Classification> additionalClassifications, List<Organization> parties,
                   List<Location> locations, List<Milestone> milestones, Completion completion,
                   List<Metric> forecasts, List<Metric> metrics, List<Document> documents,
                   List<ContractingProcess> contractingProcesses) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsIdentifier")
    record Identifier(String id, String scheme) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsOrganizationReference")
    record OrganizationReference(String id, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsBudget")
    record Budget(Value amount) {
    }

    /** An amount of money: {@code amount} is exact (the ledger's BigDecimal yuan), never a floating-point number. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsValue")
    record Value(BigDecimal amount, String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsPeriod")
    record Period(String startDate, String endDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsClassification")
    record Classification(String scheme, String id, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsOrganization")
    record Organization(String id, String name, List<String> roles, List<Classification> classifications) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsAddress")
    record Address(String locality, String region, String countryName) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsLocation")
    record Location(String id, String description, Address address) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsMilestone")
    record Milestone(String id, String title, String description, String dateMet, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsCompletion")
    record Completion(String endDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsMetric")
    record Metric(String id, String title, String description, List<Observation> observations) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsObservation")
    record Observation(String id, Value value, Period period, String notes) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsDocument")
    record Document(String id, String documentType, String title, String description, String language) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsContractingProcess")
    record ContractingProcess(String id, ContractingProcessSummary summary) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsContractingProcessSummary")
    record ContractingProcessSummary(String title, String status, Value contractValue,
                                     List<Modification> modifications) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "Oc4idsModification")
    record Modification(String id, String date, String description, String rationale, String type,
                        Value oldContractValue, Value newContractValue, Period oldContractPeriod,
                        Period newContractPeriod) {
    }
}
