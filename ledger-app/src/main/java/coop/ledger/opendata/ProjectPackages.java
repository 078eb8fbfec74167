package coop.ledger.opendata;

import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.opendata.Oc4ids.Address;
import coop.ledger.opendata.Oc4ids.Budget;
import coop.ledger.opendata.Oc4ids.Classification;
import coop.ledger.opendata.Oc4ids.Completion;
import coop.ledger.opendata.Oc4ids.ContractingProcess;
import coop.ledger.opendata.Oc4ids.ContractingProcessSummary;
import coop.ledger.opendata.Oc4ids.Document;
import coop.ledger.opendata.Oc4ids.Identifier;
import coop.ledger.opendata.Oc4ids.Location;
import coop.ledger.opendata.Oc4ids.Metric;
import coop.ledger.opendata.Oc4ids.Milestone;
import coop.ledger.opendata.Oc4ids.Modification;
import coop.ledger.opendata.Oc4ids.Observation;
import coop.ledger.opendata.Oc4ids.Organization;
import coop.ledger.opendata.Oc4ids.OrganizationReference;
import coop.ledger.opendata.Oc4ids.Period;
import coop.ledger.opendata.Oc4ids.Project;
import coop.ledger.opendata.Oc4ids.ProjectPackage;
import coop.ledger.opendata.Oc4ids.Publisher;
import coop.ledger.opendata.Oc4ids.Value;
import coop.ledger.opendata.RecordedLedger.Change;
import coop.ledger.party.state.PartyState;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.project.state.ProjectState;
import coop.ledger.project.state.ProjectState.InvestmentReport;
import coop.ledger.shared.Correction;
import coop.ledger.shared.LedgerTime;
import coop.ledger.shared.Money;
import coop.ledger.shared.PartyKind;
import coop.ledger.shared.Provenance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Maps the signed projects (签约项目) of a {@link RecordedLedger} to an OC4IDS 0.9 project package: one OC4IDS project
 * per project record. A plain function of the folded states, so it is tested without Spring; every figure it
 * publishes is the core's (agreed and planned investment, actual investment, status, dates, inferred values), never
 * computed again here. The mapping is documented field by field in docs/open-data-oc4ids.md.
 */
final class ProjectPackages {

    static final String CURRENCY = "CNY";
    static final String LANGUAGE = "zh";
    /** The schemes of the ledger's own identifiers and vocabularies (open codelists take a publisher's scheme). */
    static final String PROJECT_ID_SCHEME = "COOP-LEDGER-PROJECT";
    static final String DOMAIN_SCHEME = "COOP-LEDGER-DOMAIN";
    static final String PARTY_KIND_SCHEME = "COOP-LEDGER-PARTY-KIND";
    /** The scheme of an inferred value (推定值): the classification's id names the field, its description the reason. */
    static final String INFERRED_SCHEME = "COOP-LEDGER-INFERRED";
    static final String PLANNED_INVESTMENT_METRIC = "totalPlannedInvestment";
    private static final String COUNTRY = "中国";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private ProjectPackages() {
    }

    /**
     * The package of every project the ledger had recorded; empty when it had recorded none (OC4IDS requires at least
     * one project in a package). {@code askedRecordedAt} is the instant the caller asked for, null for "now".
     */
    static Optional<ProjectPackage> of(RecordedLedger ledger, Publication publication, Instant askedRecordedAt) {
        List<Project> projects = ledger.projects().stream()
                .sorted(Comparator.comparing(ProjectState::projectId))
                .map(p -> project(p, ledger, publication))
                .toList();
        if (projects.isEmpty()) {
            return Optional.empty();
        }
        Instant published = ledger.latestChange().orElse(ledger.recordedAt());
        return Optional.of(new ProjectPackage(publication.packageUri(askedRecordedAt), Oc4ids.VERSION,
                instant(published), new Publisher(publication.publisherName(), publication.baseUri()),
                blankToNull(publication.license()), projects));
    }

    static Project project(ProjectState p, RecordedLedger ledger, Publication publication) {
        Optional<AgreementState> agreement = ledger.agreement(p.agreementId());
        List<Organization> parties = parties(p, agreement, ledger);
        String firstHost = p.hostParties().isEmpty() ? null : p.hostParties().get(0);
        return new Project(
                publication.projectIdPrefix() + p.projectId(),
                instant(ledger.lastRecorded(p.projectId())),
                LANGUAGE,
                List.of(new Identifier(p.projectId(), PROJECT_ID_SCHEME)),
                firstHost == null ? null : new OrganizationReference(firstHost, name(firstHost, ledger)),
                p.name(),
                description(p),
                budget(p),
                new Period(date(p.signedOn()), null),
                Codelists.projectStatus(p.status()),
                Codelists.projectSector(p.domain()).map(List::of).orElse(List.of()),
                classifications(p),
                parties,
                locations(p, ledger),
                milestones(p),
                p.completedOn() == null ? null : new Completion(date(p.completedOn())),
                forecasts(p),
                metrics(p),
                agreement.map(a -> List.of(document(a, ledger))).orElse(List.of()),
                List.of(signing(p, agreement, ledger)));
    }

    /**
     * The budget is the agreed investment (协议投资), the amount the investors committed to at the signing. The
     * ledger's other kind of investment, total planned investment (总投资), is never added to it: it goes to
     * {@link #forecasts}, so the two keep their own names.
     */
    private static Budget budget(ProjectState p) {
        return p.agreedInvestment() == null ? null : new Budget(value(p.agreedInvestment()));
    }

    /**
     * Total planned investment (总投资), a kind distinct from agreed investment, as the forecast metric
     * {@code totalPlannedInvestment} with one observation; none when the source gives no such figure.
     */
    private static List<Metric> forecasts(ProjectState p) {
        if (p.plannedInvestment() == null) {
            return List.of();
        }
        return List.of(new Metric(PLANNED_INVESTMENT_METRIC, "总投资 total planned investment",
                "The total investment the source gives for the project(s), e.g. of projects that started "
                        + "construction; a figure of its own kind, never part of the agreed investment (budget)",
                List.of(new Observation(PLANNED_INVESTMENT_METRIC, value(p.plannedInvestment()), null, null))));
    }

    /**
     * The ledger's domain first, always; then one classification per value the source does not state (推定值), so
     * that a reader of the package can tell a sourced value from an inferred one, field by field.
     */
    private static List<Classification> classifications(ProjectState p) {
        List<Classification> classifications = new ArrayList<>();
        classifications.add(new Classification(DOMAIN_SCHEME, p.domain().name(),
                p.domain().zh() + " " + p.domain().en()));
        inferred(p).forEach(i -> classifications.add(new Classification(INFERRED_SCHEME, i.field(),
                "推定 inferred: " + i.reason())));
        return classifications;
    }

    private static List<Provenance.Inferred> inferred(ProjectState p) {
        return p.provenance() == null ? List.of() : p.provenance().inferred();
    }

    /** Actual investment (实际投资): one observation per report, each as last corrected (the core's fold). */
    private static List<Metric> metrics(ProjectState p) {
        if (p.reports().isEmpty()) {
            return List.of();
        }
        List<Observation> observations = p.reports().stream()
                .map(r -> new Observation(r.reportId(), value(r.amount()), new Period(null, date(r.reportedOn())),
                        blankToNull(r.note())))
                .toList();
        return List.of(new Metric("actualInvestment", "实际投资 actual investment",
                "Investment made since the previous report, as of the report's date; the project's actual "
                        + "investment is their sum: " + p.actualInvestment().plain() + " " + CURRENCY,
                observations));
    }

    /** The project's note; for a batch record, first what it stands for; for an intention, that it is one. */
    private static String description(ProjectState p) {
        StringJoiner text = new StringJoiner("；");
        if (p.projectCount() > 1) {
            text.add("本记录代表" + p.projectCount() + "个项目 (this record stands for " + p.projectCount()
                    + " projects, reported only as a total)");
        }
        if (p.signedAsIntention()) {
            text.add("意向性签约 (signed as an intention)");
        }
        if (!inferred(p).isEmpty()) {
            text.add("含推定值 (contains inferred values, not stated by the source): " + String.join("、",
                    inferred(p).stream().map(Provenance.Inferred::field).distinct().toList()));
        }
        if (p.note() != null && !p.note().isBlank()) {
            text.add(p.note().strip());
        }
        return blankToNull(text.toString());
    }

    /**
     * Hosts are public authorities, investors funders, and the signatories of the agreement the project was signed
     * under {@link Codelists#AGREEMENT_SIGNATORY}; a party with several of these roles is listed once with each.
     */
    private static List<Organization> parties(ProjectState p, Optional<AgreementState> agreement,
                                              RecordedLedger ledger) {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        p.hostParties().forEach(code -> roles.computeIfAbsent(code, c -> new LinkedHashSet<>())
                .add(Codelists.PUBLIC_AUTHORITY));
        p.investors().forEach(code -> roles.computeIfAbsent(code, c -> new LinkedHashSet<>()).add(Codelists.FUNDER));
        agreement.ifPresent(a -> a.signatories().forEach(code -> roles.computeIfAbsent(code,
                c -> new LinkedHashSet<>()).add(Codelists.AGREEMENT_SIGNATORY)));
        List<Organization> parties = new ArrayList<>();
        roles.forEach((code, partyRoles) -> {
            Optional<PartyState> party = ledger.party(code);
            parties.add(new Organization(code, name(code, ledger), List.copyOf(partyRoles),
                    party.map(s -> List.of(new Classification(PARTY_KIND_SCHEME, s.kind().name(),
                            s.kind().zh() + " " + s.kind().en()))).orElse(List.of())));
        });
        return parties;
    }

    /**
     * Where the project is: the district (区/县/市) of each host, i.e. the host itself when it is a government, or
     * the government a host department belongs to. A host of another kind names no place.
     */
    private static List<Location> locations(ProjectState p, RecordedLedger ledger) {
        Map<String, Location> locations = new LinkedHashMap<>();
        for (String host : p.hostParties()) {
            districtOf(host, ledger).ifPresent(district -> locations.computeIfAbsent(district.code(), code ->
                    new Location(code, district.nameZh() + (district.nameEn() == null ? "" : " " + district.nameEn()),
                            new Address(district.nameZh(), regionOf(district, ledger), COUNTRY))));
        }
        return List.copyOf(locations.values());
    }

    private static Optional<PartyState> districtOf(String code, RecordedLedger ledger) {
        Optional<PartyState> party = ledger.party(code);
        if (party.isPresent() && party.get().kind() != PartyKind.GOVERNMENT && party.get().parentCode() != null) {
            party = ledger.party(party.get().parentCode());
        }
        return party.filter(s -> s.kind() == PartyKind.GOVERNMENT);
    }

    private static String regionOf(PartyState district, RecordedLedger ledger) {
        return district.parentCode() == null ? null
                : ledger.party(district.parentCode()).map(PartyState::nameZh).orElse(null);
    }

    /** The project's milestones so far, each met on its business date. */
    private static List<Milestone> milestones(ProjectState p) {
        List<Milestone> milestones = new ArrayList<>();
        milestones.add(met("signed", p.signedAsIntention() ? "意向签约 signed as an intention" : "签约 signed",
                null, p.signedOn()));
        if (p.firmedUpOn() != null) {
            milestones.add(met("firmedUp", "正式签约 intention firmed up", null, p.firmedUpOn()));
        }
        if (p.startedOn() != null) {
            milestones.add(met("constructionStarted", "开工 construction started", null, p.startedOn()));
        }
        if (p.completedOn() != null) {
            milestones.add(met("inOperation", "建成投用 completed and in operation", null, p.completedOn()));
        }
        if (p.cancelledOn() != null) {
            milestones.add(met("cancelled", "已取消 cancelled", p.cancelReason(), p.cancelledOn()));
        }
        return milestones;
    }

    private static Milestone met(String id, String title, String description, LocalDate on) {
        return new Milestone(id, title, blankToNull(description), date(on), "met");
    }

    /** The agreement the project was signed under (合作协议), as it reads now that corrections and amendments apply. */
    private static Document document(AgreementState a, RecordedLedger ledger) {
        StringJoiner text = new StringJoiner("；");
        text.add(a.kind().zh() + " (" + a.kind().en() + ")，" + a.signedOn() + "签订 (signed)");
        List<String> signatories = a.signatories().stream().map(code -> name(code, ledger)).toList();
        if (!signatories.isEmpty()) {
            text.add("签约方 signatories: " + String.join("、", signatories));
        }
        if (a.summary() != null && !a.summary().isBlank()) {
            text.add(a.summary().strip());
        }
        return new Document(a.agreementId(), "contractSigned", a.title(), text.toString(), LANGUAGE);
    }

    /**
     * The signing (签约) as the project's one contracting process: its status, the agreed investment as its value,
     * and as modifications every correction of the project and every correction and amendment of its agreement.
     */
    private static ContractingProcess signing(ProjectState p, Optional<AgreementState> agreement,
                                              RecordedLedger ledger) {
        // in the order the ledger recorded them, whichever record they belong to
        List<Map.Entry<Instant, Modification>> recorded = new ArrayList<>();
        for (Change<ProjectState> change : ledger.projectChanges(p.projectId())) {
            recorded.add(Map.entry(change.recordedAt(), projectModification(change)));
        }
        agreement.ifPresent(a -> ledger.agreementChanges(a.agreementId()).forEach(change ->
                recorded.add(Map.entry(change.recordedAt(), agreementModification(a.agreementId(), change)))));
        recorded.sort(Map.Entry.comparingByKey());
        List<Modification> modifications = recorded.stream().map(Map.Entry::getValue).toList();
        return new ContractingProcess(p.projectId() + "-signing",
                new ContractingProcessSummary("签约 signing: " + p.name(), Codelists.signingStatus(p.status()),
                        p.agreedInvestment() == null ? null : value(p.agreedInvestment()), modifications));
    }

    private static Modification projectModification(Change<ProjectState> change) {
        ProjectState before = change.before();
        ProjectState after = change.after();
        List<String> changed = new ArrayList<>();
        if (change.event() instanceof InvestmentReportCorrectedEvent e) {
            InvestmentReport was = before.report(e.reportId()).orElseThrow();
            InvestmentReport is = after.report(e.reportId()).orElseThrow();
            differs(changed, "实际投资 actual investment " + e.reportId(), was.amount(), is.amount(), Money::toChinese);
            differs(changed, "报告日期 reported on", was.reportedOn(), is.reportedOn(), Object::toString);
            return modification("project-correction-" + change.sequence(), change, changed, null, null, null, null,
                    null);
        }
        differs(changed, "协议投资 agreed investment", before.agreedInvestment(), after.agreedInvestment(),
                ProjectPackages::money);
        differs(changed, "总投资 total planned investment", before.plannedInvestment(), after.plannedInvestment(),
                ProjectPackages::money);
        differs(changed, "签约日期 signed on", before.signedOn(), after.signedOn(), Object::toString);
        differs(changed, "东道方 hosts", before.hostParties(), after.hostParties(), Object::toString);
        differs(changed, "投资方 investors", before.investors(), after.investors(), Object::toString);
        differs(changed, "签约活动 occasion", before.occasion(), after.occasion(), Object::toString);
        differs(changed, "领域 domain", before.domain(), after.domain(), Object::toString);
        differs(changed, "项目数 project count", before.projectCount(), after.projectCount(), Object::toString);
        boolean valueChanged = !Objects.equals(before.agreedInvestment(), after.agreedInvestment());
        boolean periodChanged = !Objects.equals(before.signedOn(), after.signedOn());
        return modification("project-correction-" + change.sequence(), change, changed,
                valueChanged ? "value" : periodChanged ? "duration" : null,
                valueChanged ? optionalValue(before.agreedInvestment()) : null,
                valueChanged ? optionalValue(after.agreedInvestment()) : null,
                periodChanged ? new Period(date(before.signedOn()), null) : null,
                periodChanged ? new Period(date(after.signedOn()), null) : null);
    }

    private static Modification agreementModification(String agreementId, Change<AgreementState> change) {
        AgreementState before = change.before();
        AgreementState after = change.after();
        List<String> changed = new ArrayList<>();
        String what;
        if (change.event() instanceof AgreementAmendedEvent e) {
            what = "agreement-amendment-";
            if (e.description() != null && !e.description().isBlank()) {
                changed.add(e.description().strip());
            }
        } else {
            what = "agreement-correction-";
        }
        differs(changed, "协议名称 title", before.title(), after.title(), Object::toString);
        differs(changed, "签订日期 signed on", before.signedOn(), after.signedOn(), Object::toString);
        differs(changed, "签订地点 place", before.place(), after.place(), Object::toString);
        differs(changed, "签约活动 occasion", before.occasion(), after.occasion(), Object::toString);
        differs(changed, "领域 domains", before.domains(), after.domains(), Object::toString);
        differs(changed, "内容 summary", before.summary(), after.summary(), Object::toString);
        changed.add(0, "协议 agreement " + agreementId);
        return modification(what + agreementId + "-" + change.sequence(), change, changed, null, null, null, null,
                null);
    }

    private static Modification modification(String id, Change<?> change, List<String> changed, String type,
                                             Value oldValue, Value newValue, Period oldPeriod, Period newPeriod) {
        String kind = change.event() instanceof Correction c
                ? "更正 correction of event " + c.correctsSequence() : "修订 amendment";
        String description = kind + (changed.isEmpty() ? "" : ": " + String.join("；", changed));
        return new Modification(id, instant(change.recordedAt()), description, blankToNull(reasonOf(change)), type,
                oldValue, newValue, oldPeriod, newPeriod);
    }

    private static String reasonOf(Change<?> change) {
        if (change.event() instanceof Correction c) {
            return c.reason();
        }
        return change.event() instanceof AgreementAmendedEvent e ? e.reason() : null;
    }

    private static <T> void differs(List<String> changed, String field, T before, T after,
                                    Function<T, String> text) {
        if (!Objects.equals(before, after)) {
            changed.add(field + " " + (before == null ? "—" : text.apply(before)) + " → "
                    + (after == null ? "—" : text.apply(after)));
        }
    }

    private static String money(Money amount) {
        return amount.toChinese();
    }

    private static String name(String code, RecordedLedger ledger) {
        return ledger.party(code).map(PartyState::nameZh).orElse(code);
    }

    private static Value value(Money amount) {
        return new Value(amount.yuan(), CURRENCY);
    }

    /** No value where none was recorded (an agreed investment the source did not give). */
    private static Value optionalValue(Money amount) {
        return amount == null ? null : value(amount);
    }

    /** A business date: midnight of that day in China. */
    static String date(LocalDate date) {
        return date == null ? null : DATE_TIME.format(date.atStartOfDay(LedgerTime.ZONE));
    }

    /** A recorded-at instant, in UTC. */
    static String instant(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
