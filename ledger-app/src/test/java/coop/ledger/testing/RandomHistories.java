package coop.ledger.testing;

import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.shared.CooperationDomain;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static coop.ledger.testing.TestData.object;

/**
 * Random but reproducible histories of every kind of record, written through the HTTP API as an administrator
 * writes them: parties, agreements (合作协议) with their cooperation lists and payments, signed projects (签约项目)
 * and public-service programmes (公共服务事项), each with a history of 1 to 15 steps drawn from every write the
 * ledger offers, corrections, withdrawals, reopenings, terminations, supersessions and cancellations included:
 * amounts moved between a project's kinds of investment (agreed and planned), and programme items standing for a
 * list of unknown size ({@code listSizeUnknown}) too.
 * <p>
 * Steps mostly follow what the record allows, as far as the accepted writes tell (an open item is completed, an
 * intention is firmed up); now and then, as a clerk's mistake, they do not. A step the ledger refuses (a closed
 * agreement, an item completed twice, a date before the previous step, an unknown item) is counted by its rule and
 * skipped. Every record draws from a random of its own, derived from the seed and the record's place, so the same
 * seed writes the same requests and gets the same answers whichever thread writes which record. Ids, occasions and
 * programme categories start with {@code prefix}, so the histories can share a store with other tests.
 */
public final class RandomHistories {

    /** Every write the histories draw from; each records one kind of event when the ledger accepts it. */
    public enum Step {
        REGISTER_PARTY, RENAME_PARTY,
        SIGN_AGREEMENT, JOIN_AGREEMENT, PROMOTE_OBSERVER, LIST_COOPERATION_ITEM, START_COOPERATION_ITEM,
        COMPLETE_COOPERATION_ITEM, DROP_COOPERATION_ITEM, AMEND_AGREEMENT, RECORD_PAYMENT, CORRECT_PAYMENT,
        CORRECT_AGREEMENT_SIGNING, EXPIRE_AGREEMENT, TERMINATE_AGREEMENT, SUPERSEDE_AGREEMENT,
        SIGN_PROJECT, FIRM_UP_PROJECT, START_PROJECT, COMPLETE_PROJECT, CANCEL_PROJECT, REPORT_INVESTMENT,
        CORRECT_PROJECT, CORRECT_INVESTMENT_REPORT, MOVE_PROJECT_INVESTMENT,
        DECLARE_PROGRAMME, LIST_SERVICE_ITEM, LIST_SERVICE_ITEM_OF_UNKNOWN_LIST_SIZE, COMPLETE_SERVICE_ITEM, WITHDRAW_SERVICE_ITEM, REOPEN_SERVICE_ITEM,
        CORRECT_SERVICE_ITEM
    }

    /**
     * What was written: the records created (every creation is meant to be valid), how many writes of each kind the
     * ledger accepted and refused (refusals by rule), and any answer that was neither (a 5xx, or a 2xx/4xx not
     * expected of a write), which is a fault of the ledger. {@code itemsOfUnknownListSize}: per programme, the items
     * the ledger accepted as standing for a list of unknown size.
     */
    public record Recorded(long seed, String prefix, List<String> parties, List<String> agreements,
                           List<String> projects, List<String> programmes, Map<Step, Integer> accepted,
                           Map<String, Integer> refused, List<String> unexpected,
                           Map<String, Set<String>> itemsOfUnknownListSize) {

        public int records() {
            return parties.size() + agreements.size() + projects.size() + programmes.size();
        }

        /** Accepted and refused writes per kind, one line each, for the test's log. */
        public String table() {
            StringBuilder text = new StringBuilder();
            for (Step step : Step.values()) {
                Map<String, Integer> rules = new TreeMap<>();
                refused.forEach((key, count) -> {
                    if (key.startsWith(step + " ")) {
                        rules.put(key.substring(step.toString().length() + 1), count);
                    }
                });
                text.append(String.format("  %-26s accepted %4d, refused %4d %s%n", step,
                        accepted.getOrDefault(step, 0), rules.values().stream().mapToInt(Integer::intValue).sum(),
                        rules.isEmpty() ? "" : rules));
            }
            return text.toString();
        }
    }

    private static final LocalDate EPOCH = LocalDate.of(2019, 1, 1);
    private static final String[] GOVERNMENTS = {"wanzhou:万州区", "kaizhou:开州区", "yunyang:云阳县", "dazhou:达州市",
            "liangping:梁平区", "dianjiang:垫江县", "dazhu:大竹县", "linshui:邻水县"};
    private static final String[] ENTERPRISES = {"cq-soe:重庆国有投资集团:STATE_OWNED_ENTERPRISE",
            "sc-soe:四川能源投资集团:STATE_OWNED_ENTERPRISE", "hongyan:上汽红岩汽车:STATE_OWNED_ENTERPRISE",
            "pe-1:民营制造公司:PRIVATE_ENTERPRISE", "pe-2:民营物流公司:PRIVATE_ENTERPRISE"};
    private static final String[] CATEGORIES = {"政务服务", "医保", "社保", "公积金"};
    private static final String[] OCCASIONS = {"川渝国企万州行", "万达开示范区推进会", "万开云项目集中签约"};

    private final Api api;
    private final long seed;
    private final String prefix;
    private final int threads;
    private final List<String> governments = new ArrayList<>();
    private final Map<String, String> departmentOf = new TreeMap<>();
    private final List<String> enterprises = new ArrayList<>();
    private final List<String> parties = new ArrayList<>();
    private final List<String> occasions = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private final Map<Step, Integer> accepted = new ConcurrentHashMap<>();
    private final Map<String, Integer> refused = new ConcurrentHashMap<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

    /** Histories written through {@code api} by {@code threads} clients, records in parallel, steps in order. */
    public RandomHistories(Api api, long seed, String prefix, int threads) {
        this.api = api;
        this.seed = seed;
        this.prefix = prefix;
        this.threads = threads;
        for (String occasion : OCCASIONS) {
            occasions.add(occasion + "·" + prefix);
        }
        for (String category : CATEGORIES) {
            categories.add(category + "·" + prefix);
        }
    }

    /** Registers the parties, then creates the records, then writes the rest of every record's history. */
    public Recorded write(int agreementCount, int projectCount, int programmeCount) {
        registerParties();
        List<AgreementHistory> agreements = new ArrayList<>();
        List<ProjectHistory> projects = new ArrayList<>();
        List<ProgrammeHistory> programmes = new ArrayList<>();
        for (int i = 0; i < agreementCount; i++) {
            agreements.add(new AgreementHistory(i));
        }
        for (int i = 0; i < projectCount; i++) {
            projects.add(new ProjectHistory(i));
        }
        for (int i = 0; i < programmeCount; i++) {
            programmes.add(new ProgrammeHistory(i));
        }
        List<String> agreementIds = agreements.stream().map(a -> a.id).toList();
        // Creations first: projects may name an agreement and supersessions name another one, which must exist.
        List<Runnable> creations = new ArrayList<>();
        agreements.forEach(a -> creations.add(a::create));
        projects.forEach(p -> creations.add(() -> p.create(agreementIds)));
        programmes.forEach(p -> creations.add(p::create));
        inParallel(creations);
        List<Runnable> histories = new ArrayList<>();
        agreements.forEach(a -> histories.add(() -> a.continueHistory(agreementIds)));
        projects.forEach(p -> histories.add(p::continueHistory));
        programmes.forEach(p -> histories.add(p::continueHistory));
        for (int i = 0; i < parties.size(); i++) {
            String code = parties.get(i);
            Random random = randomFor(0, i);
            if (random.nextInt(3) == 0) {
                histories.add(() -> rename(code, random));
            }
        }
        inParallel(histories);
        return new Recorded(seed, prefix, List.copyOf(parties),
                agreements.stream().filter(a -> a.created).map(a -> a.id).toList(),
                projects.stream().filter(p -> p.created).map(p -> p.id).toList(),
                programmes.stream().filter(p -> p.created).map(p -> p.id).toList(),
                new EnumMap<>(accepted), new TreeMap<>(refused), List.copyOf(unexpected),
                programmes.stream().filter(p -> p.created && !p.itemsOfUnknownListSize.isEmpty())
                        .collect(Collectors.toMap(p -> p.id, p -> Set.copyOf(p.itemsOfUnknownListSize))));
    }

    // ------------------------------------------------------------------ parties

    private void registerParties() {
        for (String government : GOVERNMENTS) {
            String[] g = government.split(":");
            String code = prefix + "-" + g[0];
            register(object("code", code, "nameZh", g[1], "nameEn", g[0], "kind", "GOVERNMENT"));
            governments.add(code);
            String department = code + "-yibao";
            register(object("code", department, "nameZh", g[1] + "医疗保障局", "kind", "DEPARTMENT",
                    "parentCode", code));
            departmentOf.put(code, department);
        }
        for (String enterprise : ENTERPRISES) {
            String[] e = enterprise.split(":");
            String code = prefix + "-" + e[0];
            register(object("code", code, "nameZh", e[1], "kind", e[2]));
            enterprises.add(code);
        }
    }

    private void register(ObjectNode party) {
        if (send(Step.REGISTER_PARTY, () -> api.post("/api/parties", party).send())) {
            parties.add(party.path("code").asString());
        } else {
            throw new IllegalStateException("party " + party + " was refused; the histories need every party");
        }
    }

    private void rename(String code, Random random) {
        send(Step.RENAME_PARTY, () -> api.put("/api/parties/" + code + "/name", object("nameZh",
                "更名后的" + code, "effectiveOn", date(random, 0, 1500), "reason", "机构改革")).send());
    }

    // ------------------------------------------------------------------ agreements

    private final class AgreementHistory {

        final String id;
        final Random random;
        final String path;
        LocalDate signedOn;
        LocalDate cursor;
        final List<String> signatories = new ArrayList<>();
        final List<String> observers = new ArrayList<>();
        /** The state of each item as the accepted writes left it: LISTED, STARTED, COMPLETED or DROPPED. */
        final Map<String, String> items = new LinkedHashMap<>();
        final List<String> payments = new ArrayList<>();
        boolean created;

        AgreementHistory(int index) {
            this.id = prefix + "-agreement-" + index;
            this.random = randomFor(1, index);
            this.path = "/api/agreements/" + id;
        }

        void create() {
            signedOn = date(random, 0, 1400);
            cursor = signedOn;
            List<String> candidates = new ArrayList<>(governments);
            if (random.nextInt(4) == 0) {
                candidates.add(pick(random, enterprises));
            }
            Collections.shuffle(candidates, random);
            signatories.addAll(candidates.subList(0, 2 + random.nextInt(3)));
            if (random.nextBoolean()) {
                observers.addAll(candidates.subList(signatories.size(), signatories.size() + 1 + random.nextInt(2)));
            }
            ObjectNode body = object("id", id, "title", "合作协议 " + id,
                    "kind", pick(random, List.of(AgreementKind.values())).name(), "signatories", signatories,
                    "observers", observers, "signedOn", signedOn, "place", "万州",
                    "occasion", random.nextInt(4) == 0 ? null : pick(random, occasions), "domains", domains(),
                    "summary", "川渝毗邻地区合作");
            created = send(Step.SIGN_AGREEMENT, () -> api.post("/api/agreements", body).send());
        }

        /** 0 to 14 more steps; about one in sixteen closes the agreement (expiry, termination, supersession). */
        void continueHistory(List<String> agreementIds) {
            int steps = random.nextInt(15);
            for (int s = 0; created && s < steps; s++) {
                int draw = random.nextInt(100);
                if (draw < 20) {
                    listItem();
                } else if (draw < 32) {
                    itemStep(Step.START_COOPERATION_ITEM, "start", object("startedOn", nextDate()), "STARTED",
                            "LISTED");
                } else if (draw < 46) {
                    itemStep(Step.COMPLETE_COOPERATION_ITEM, "complete", object("completedOn", nextDate(),
                            "evidence", "已完成并验收"), "COMPLETED", "LISTED", "STARTED");
                } else if (draw < 52) {
                    itemStep(Step.DROP_COOPERATION_ITEM, "drop", object("droppedOn", nextDate(),
                            "reason", "并入其他事项"), "DROPPED", "LISTED", "STARTED");
                } else if (draw < 57) {
                    join(random.nextBoolean());
                } else if (draw < 62) {
                    promote();
                } else if (draw < 67) {
                    amend();
                } else if (draw < 78) {
                    pay();
                } else if (draw < 88) {
                    correctPayment();
                } else if (draw < 94) {
                    correctSigning();
                } else if (draw < 96) {
                    step(Step.EXPIRE_AGREEMENT, path + "/expiry", object("expiredOn", nextDate()));
                } else if (draw < 98) {
                    step(Step.TERMINATE_AGREEMENT, path + "/termination", object("terminatedOn", nextDate(),
                            "reason", "合作目标调整"));
                } else {
                    step(Step.SUPERSEDE_AGREEMENT, path + "/supersession", object("supersededBy",
                            pick(random, agreementIds), "supersededOn", nextDate(), "reason", "签订新协议"));
                }
            }
        }

        private void listItem() {
            String itemId = "item-" + items.size();
            ObjectNode body = object("itemId", itemId, "description", "合作事项 " + itemId,
                    "domain", random.nextBoolean() ? pick(random, List.of(CooperationDomain.values())).name() : null,
                    "responsibleParties", responsibleAmong(random, participants(), 0), "listedOn", nextDate(),
                    "itemCount", random.nextInt(5) == 0 ? 2 + random.nextInt(40) : null);
            if (random.nextInt(3) == 0) {
                body.put("dueOn", body.path("listedOn").asString().substring(0, 4) + "-12-31");
            }
            if (step(Step.LIST_COOPERATION_ITEM, path + "/items", body)) {
                items.put(itemId, "LISTED");
            }
        }

        /** A step of an item: mostly one in a state the step applies to, sometimes any, or one never listed. */
        private void itemStep(Step kind, String action, ObjectNode body, String after, String... from) {
            if (items.isEmpty() && random.nextInt(8) != 0) {
                listItem();
                return;
            }
            String itemId = target(random, items, from);
            if (step(kind, path + "/items/" + itemId + "/" + action, body)) {
                items.put(itemId, after);
            }
        }

        private void join(boolean asObserver) {
            List<String> candidates = new ArrayList<>(governments);
            candidates.addAll(enterprises);
            String party = pick(random, candidates);
            if (step(Step.JOIN_AGREEMENT, path + "/participants", object("partyCode", party,
                    "role", asObserver ? "OBSERVER" : "SIGNATORY", "joinedOn", nextDate()))) {
                (asObserver ? observers : signatories).add(party);
            }
        }

        /** An observer becomes a signatory; without observers, mostly one joins as observer first. */
        private void promote() {
            if (observers.isEmpty() && random.nextInt(8) != 0) {
                join(true);
                return;
            }
            String party = observers.isEmpty() || random.nextInt(8) == 0 ? pick(random, signatories)
                    : pick(random, observers);
            if (step(Step.PROMOTE_OBSERVER, path + "/participants/" + party + "/promotion",
                    object("promotedOn", nextDate()))) {
                observers.remove(party);
                signatories.add(party);
            }
        }

        private void amend() {
            step(Step.AMEND_AGREEMENT, path + "/amendments", object("amendedOn", nextDate(),
                    "title", random.nextBoolean() ? "修订后的合作协议 " + id : null,
                    "domains", random.nextBoolean() ? domains() : null,
                    "description", "调整合作内容", "reason", "双方协商一致"));
        }

        private void pay() {
            String paymentId = "pay-" + payments.size();
            List<String> payers = new ArrayList<>(signatories);
            Collections.shuffle(payers, random);
            if (step(Step.RECORD_PAYMENT, path + "/payments", object("paymentId", paymentId, "payer", payers.get(0),
                    "payee", payers.get(1), "amount", amount(random), "paidOn", nextDate(),
                    "purpose", "生态补偿资金"))) {
                payments.add(paymentId);
            }
        }

        private void correctPayment() {
            if (payments.isEmpty() && random.nextInt(8) != 0) {
                pay();
                return;
            }
            String paymentId = payments.isEmpty() ? "pay-0" : pick(random, payments);
            int what = random.nextInt(3);
            step(Step.CORRECT_PAYMENT, path + "/payments/" + paymentId + "/corrections", object(
                    "amount", what != 1 ? amount(random) : null,
                    "paidOn", what != 0 ? signedOn.plusDays(random.nextInt(200)) : null,
                    "reason", "以银行回单为准"));
        }

        private void correctSigning() {
            int what = random.nextInt(3);
            LocalDate corrected = what == 0 ? signedOn.minusDays(1 + random.nextInt(90)) : null;
            if (step(Step.CORRECT_AGREEMENT_SIGNING, path + "/signing/corrections", object(
                    "signedOn", corrected,
                    "occasion", what == 1 ? pick(random, occasions) : null,
                    "title", what == 2 ? "更正后的合作协议 " + id : null,
                    "reason", "签约信息录错")) && corrected != null) {
                signedOn = corrected;
            }
        }

        private List<String> participants() {
            List<String> all = new ArrayList<>(signatories);
            all.addAll(observers);
            return all;
        }

        private boolean step(Step kind, String stepPath, ObjectNode body) {
            return send(kind, () -> api.post(stepPath, body).send());
        }

        private LocalDate nextDate() {
            LocalDate next = RandomHistories.this.nextDate(random, cursor);
            cursor = next.isAfter(cursor) ? next : cursor;
            return next;
        }

        private List<String> domains() {
            Set<String> domains = new LinkedHashSet<>();
            int n = random.nextInt(4);
            for (int d = 0; d < n; d++) {
                domains.add(pick(random, List.of(CooperationDomain.values())).name());
            }
            return List.copyOf(domains);
        }
    }

    // ------------------------------------------------------------------ projects

    private final class ProjectHistory {

        final String id;
        final Random random;
        final String path;
        LocalDate signedOn;
        LocalDate cursor;
        final List<String> reports = new ArrayList<>();
        /** The status as the accepted writes left it. */
        String status;
        /** The agreed and the planned investment as the accepted writes left them (yuan as text), or null. */
        String agreed;
        String planned;
        boolean created;

        final int index;
        /**
         * Draws of the moves between kinds of investment: a stream of its own, so the steps drawn before those moves
         * existed stay the same.
         */
        final Random kinds;

        ProjectHistory(int index) {
            this.index = index;
            this.id = prefix + "-project-" + index;
            this.random = randomFor(2, index);
            this.kinds = randomFor(5, index);
            this.path = "/api/projects/" + id;
        }

        void create(List<String> agreementIds) {
            signedOn = date(random, 0, 1400);
            cursor = signedOn;
            ObjectNode body = object("id", id, "name", "签约项目 " + id, "investors", investors(),
                    "hostParties", hosts(), "occasion", random.nextInt(4) == 0 ? null : pick(random, occasions),
                    "agreementId", random.nextInt(4) == 0 ? pick(random, agreementIds) : null,
                    "domain", pick(random, List.of(CooperationDomain.values())).name(),
                    "agreedInvestment", random.nextInt(8) == 0 ? null : amount(random), "signedOn", signedOn,
                    "intention", random.nextInt(4) == 0 ? true : null,
                    "projectCount", random.nextInt(6) == 0 ? 2 + random.nextInt(40) : null,
                    "note", null);
            // a stream of its own, so the histories drawn before the planned investment existed stay the same
            Random planned = randomFor(4, index);
            if (planned.nextInt(5) == 0) {
                body.put("plannedInvestment", amount(planned));
            }
            status = body.has("intention") ? "INTENTION" : "SIGNED";
            created = send(Step.SIGN_PROJECT, () -> api.post("/api/projects", body).send());
            this.agreed = body.path("agreedInvestment").asString(null);
            this.planned = body.path("plannedInvestment").asString(null);
        }

        /** 0 to 14 more steps: mostly the next milestone, investment reports and corrections. */
        void continueHistory() {
            int steps = random.nextInt(15);
            for (int s = 0; created && s < steps; s++) {
                if (kinds.nextInt(10) == 0) {
                    moveInvestment();
                }
                int draw = random.nextInt(100);
                boolean finished = status.equals("IN_OPERATION") || status.equals("CANCELLED");
                if (draw < 30 && finished && random.nextInt(6) != 0) {
                    report();
                } else if (draw < 30) {
                    milestone();
                } else if (draw < 36 && finished && random.nextInt(6) != 0) {
                    correct();
                } else if (draw < 36) {
                    if (step(Step.CANCEL_PROJECT, "/cancel", object("cancelledOn", nextDate(), "reason", "用地未落实"))) {
                        status = "CANCELLED";
                    }
                } else if (draw < 64) {
                    report();
                } else if (draw < 82) {
                    correct();
                } else if (reports.isEmpty() && random.nextInt(8) != 0) {
                    report();
                } else {
                    String reportId = reports.isEmpty() ? "report-0" : pick(random, reports);
                    step(Step.CORRECT_INVESTMENT_REPORT, "/investments/" + reportId + "/corrections", object(
                            "amount", amount(random), "reason", "统计口径更正"));
                }
            }
        }

        /** The milestone that comes next (an intention is firmed up, then construction starts, then completes). */
        private void milestone() {
            String next = switch (status) {
                case "INTENTION" -> "FIRM_UP";
                case "SIGNED" -> random.nextInt(5) == 0 ? "COMPLETE" : "START";
                default -> "COMPLETE";
            };
            if (random.nextInt(6) == 0) {
                next = pick(random, List.of("FIRM_UP", "START", "COMPLETE"));
            }
            switch (next) {
                case "FIRM_UP" -> {
                    ObjectNode body = object("firmedUpOn", nextDate(),
                            "agreedInvestment", random.nextBoolean() ? amount(random) : null);
                    if (step(Step.FIRM_UP_PROJECT, "/firm-up", body)) {
                        status = "SIGNED";
                        agreed = body.path("agreedInvestment").asString(agreed);
                    }
                }
                case "START" -> {
                    if (step(Step.START_PROJECT, "/start", object("startedOn", nextDate()))) {
                        status = "UNDER_CONSTRUCTION";
                    }
                }
                default -> {
                    if (step(Step.COMPLETE_PROJECT, "/complete", object("completedOn", nextDate()))) {
                        status = "IN_OPERATION";
                    }
                }
            }
        }

        private void report() {
            String reportId = "report-" + reports.size();
            if (step(Step.REPORT_INVESTMENT, "/investments", object("reportId", reportId,
                    "amount", amount(random), "reportedOn", nextDate(), "note", "季度完成投资"))) {
                reports.add(reportId);
            }
        }

        private void correct() {
            ObjectNode body = object("reason", "签约信息录错");
            switch (random.nextInt(7)) {
                case 0 -> body.put("agreedInvestment", amount(random));
                case 1 -> body.put("signedOn", signedOn.minusDays(1 + random.nextInt(120)).toString());
                case 2 -> body.set("hostParties", TestData.strings(hosts().toArray(String[]::new)));
                case 3 -> body.set("investors", TestData.strings(investors().toArray(String[]::new)));
                case 4 -> body.put("occasion", pick(random, occasions));
                case 5 -> body.put("domain", pick(random, List.of(CooperationDomain.values())).name());
                default -> body.put("projectCount", 1 + random.nextInt(30));
            }
            if (step(Step.CORRECT_PROJECT, "/corrections", body)) {
                if (body.has("signedOn")) {
                    signedOn = LocalDate.parse(body.path("signedOn").asString());
                }
                agreed = body.path("agreedInvestment").asString(agreed);
            }
        }

        /**
         * A correction of the kind of investment: the amount recorded as agreed investment (协议投资) was the total
         * planned investment (总投资), or the other way round, so it moves to the other kind; one time in five the
         * project has no amount of a kind at all, which is removed alone. A project without the kind it moves from
         * gets a new amount of the other kind.
         */
        private void moveInvestment() {
            ObjectNode body = object("reason", "投资类别录错");
            boolean fromAgreed = agreed != null && (planned == null || kinds.nextBoolean())
                    || agreed == null && planned == null && kinds.nextBoolean();
            boolean removeOnly = kinds.nextInt(5) == 0;
            String amount = fromAgreed ? agreed : planned;
            if (amount == null) {
                amount = amount(kinds);
            }
            if (fromAgreed) {
                body.put("removeAgreedInvestment", true);
                if (!removeOnly) {
                    body.put("plannedInvestment", amount);
                }
            } else {
                body.put("removePlannedInvestment", true);
                if (!removeOnly) {
                    body.put("agreedInvestment", amount);
                }
            }
            if (step(Step.MOVE_PROJECT_INVESTMENT, "/corrections", body)) {
                agreed = body.has("removeAgreedInvestment") ? null : body.path("agreedInvestment").asString(agreed);
                planned = body.has("removePlannedInvestment") ? null : body.path("plannedInvestment").asString(planned);
            }
        }

        private List<String> investors() {
            List<String> candidates = new ArrayList<>(enterprises);
            Collections.shuffle(candidates, random);
            return List.copyOf(candidates.subList(0, 1 + random.nextInt(2)));
        }

        private List<String> hosts() {
            List<String> candidates = new ArrayList<>(governments);
            Collections.shuffle(candidates, random);
            return List.copyOf(candidates.subList(0, 1 + random.nextInt(2)));
        }

        private boolean step(Step kind, String action, ObjectNode body) {
            return send(kind, () -> api.post(path + action, body).send());
        }

        private LocalDate nextDate() {
            LocalDate next = RandomHistories.this.nextDate(random, cursor);
            cursor = next.isAfter(cursor) ? next : cursor;
            return next;
        }
    }

    // ------------------------------------------------------------------ programmes

    private final class ProgrammeHistory {

        final String id;
        final Random random;
        final String path;
        LocalDate cursor;
        final List<String> participants = new ArrayList<>();
        final List<String> declaredCategories = new ArrayList<>();
        /** The status of each item as the accepted writes left it: OPEN, COMPLETED or WITHDRAWN. */
        final Map<String, String> items = new LinkedHashMap<>();
        /** Items accepted as standing for a list whose size the source does not give. */
        final Set<String> itemsOfUnknownListSize = new LinkedHashSet<>();
        /**
         * Draws of the lists of unknown size: a stream of its own, so the histories drawn before those lists existed
         * stay the same.
         */
        final Random sizes;
        /**
         * About one programme in five reports lists of unknown size: such an item leaves its programme, and every
         * group it is counted in, without a completion rate, so most programmes keep theirs.
         */
        final boolean reportsListsOfUnknownSize;
        boolean created;

        ProgrammeHistory(int index) {
            this.id = prefix + "-programme-" + index;
            this.random = randomFor(3, index);
            this.sizes = randomFor(6, index);
            this.reportsListsOfUnknownSize = sizes.nextInt(5) == 0;
            this.path = "/api/programmes/" + id;
        }

        void create() {
            LocalDate declaredOn = date(random, 0, 1400);
            cursor = declaredOn;
            List<String> candidates = new ArrayList<>(governments);
            Collections.shuffle(candidates, random);
            participants.addAll(candidates.subList(0, 1 + random.nextInt(3)));
            if (random.nextInt(3) != 0) {
                List<String> shuffled = new ArrayList<>(categories);
                Collections.shuffle(shuffled, random);
                declaredCategories.addAll(shuffled.subList(0, 2 + random.nextInt(2)));
            }
            int year = declaredOn.getYear();
            ObjectNode body = object("id", id, "name", "川渝通办事项清单 " + id, "participants", participants,
                    "period", random.nextBoolean() ? String.valueOf(year) : year + "-" + (year + 2),
                    "categories", declaredCategories, "declaredOn", declaredOn, "note", null);
            created = send(Step.DECLARE_PROGRAMME, () -> api.post("/api/programmes", body).send());
        }

        /** 0 to 14 more steps: listings, completions, withdrawals, reopenings and corrections of items. */
        void continueHistory() {
            int steps = random.nextInt(15);
            for (int s = 0; created && s < steps; s++) {
                int draw = random.nextInt(100);
                if (draw < 32) {
                    listItem();
                } else if (draw < 60) {
                    itemStep(Step.COMPLETE_SERVICE_ITEM, "complete", object("completedOn", nextDate(),
                            "evidence", "已实现跨区域通办"), "COMPLETED", "OPEN");
                } else if (draw < 72) {
                    itemStep(Step.WITHDRAW_SERVICE_ITEM, "withdraw", object("withdrawnOn", nextDate(),
                            "reason", "政策调整"), "WITHDRAWN", "OPEN", "COMPLETED");
                } else if (draw < 84) {
                    itemStep(Step.REOPEN_SERVICE_ITEM, "reopen", object("reopenedOn", nextDate(),
                            "reason", "误报完成"), "OPEN", "COMPLETED");
                } else {
                    correctItem();
                }
            }
        }

        private void listItem() {
            String itemId = "item-" + items.size();
            LocalDate listedOn = nextDate();
            // A programme without categories takes any category or none; one with them refuses a stray one.
            String category = declaredCategories.isEmpty()
                    ? (random.nextBoolean() ? null : pick(random, categories))
                    : random.nextInt(15) == 0 ? "未列明类别" : pick(random, declaredCategories);
            ObjectNode body = object("itemId", itemId, "name", "通办事项 " + itemId, "category", category,
                    "responsibleParties", responsibleAmong(random, participants, 1),
                    "targetOn", random.nextBoolean() ? listedOn.plusDays(random.nextInt(365)) : null,
                    "addedLater", random.nextInt(4) == 0 ? true : null,
                    "itemCount", random.nextInt(5) == 0 ? 2 + random.nextInt(40) : null, "listedOn", listedOn);
            // two listings in three of such a programme; one added later (清单外) is refused: it is outside the list
            boolean unknownSize = reportsListsOfUnknownSize && sizes.nextInt(3) != 0;
            if (unknownSize) {
                body.put("listSizeUnknown", true);
            }
            if (send(unknownSize ? Step.LIST_SERVICE_ITEM_OF_UNKNOWN_LIST_SIZE : Step.LIST_SERVICE_ITEM,
                    () -> api.post(path + "/items", body).send())) {
                items.put(itemId, "OPEN");
                if (unknownSize) {
                    itemsOfUnknownListSize.add(itemId);
                }
            }
        }

        /** A step of an item: mostly one in a state the step applies to, sometimes any, or one never listed. */
        private void itemStep(Step kind, String action, ObjectNode body, String after, String... from) {
            if (items.isEmpty() && random.nextInt(8) != 0) {
                listItem();
                return;
            }
            String itemId = target(random, items, from);
            if (send(kind, () -> api.post(path + "/items/" + itemId + "/" + action, body).send())
                    && after != null) {
                items.put(itemId, after);
            }
        }

        private void correctItem() {
            int what = random.nextInt(3);
            List<String> choices = declaredCategories.isEmpty() ? categories : declaredCategories;
            itemStep(Step.CORRECT_SERVICE_ITEM, "corrections", object(
                    "itemCount", what == 0 ? 1 + random.nextInt(40) : null,
                    "targetOn", what == 1 ? cursor.plusDays(random.nextInt(365)) : null,
                    "category", what == 2 ? pick(random, choices) : null,
                    "reason", "清单录入错误"), null, "OPEN", "COMPLETED", "WITHDRAWN");
        }

        private LocalDate nextDate() {
            LocalDate next = RandomHistories.this.nextDate(random, cursor);
            cursor = next.isAfter(cursor) ? next : cursor;
            return next;
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Sends one write and counts its answer: true when accepted, false when refused with a 4xx problem (counted by
     * its rule). Anything else is a fault of the ledger, kept in {@code unexpected}.
     */
    private boolean send(Step kind, Supplier<Reply> write) {
        Reply reply = write.get();
        if (reply.status() == 200 || reply.status() == 201) {
            accepted.merge(kind, 1, Integer::sum);
            return true;
        }
        if (reply.status() >= 400 && reply.status() < 500 && reply.json().has("type")) {
            String rule = reply.rule() != null ? reply.rule() : String.valueOf(reply.status());
            refused.merge(kind + " " + rule, 1, Integer::sum);
            return false;
        }
        unexpected.add(kind + ": " + reply);
        return false;
    }

    /**
     * The item a step names: five times in six one in a state the step applies to (when there is one), otherwise any
     * item, and one time in twenty an item never listed.
     */
    private static String target(Random random, Map<String, String> items, String... states) {
        if (items.isEmpty() || random.nextInt(20) == 0) {
            return "no-such-item";
        }
        List<String> fitting = items.entrySet().stream().filter(e -> List.of(states).contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        return fitting.isEmpty() || random.nextInt(6) == 0 ? pick(random, List.copyOf(items.keySet()))
                : pick(random, fitting);
    }

    /**
     * Parties responsible for an item: {@code min} to 2 of the record's parties or their medical-insurance bureaus
     * (a department of a party may be responsible); enterprises have no bureau.
     */
    private List<String> responsibleAmong(Random random, List<String> recordParties, int min) {
        List<String> candidates = new ArrayList<>(recordParties);
        recordParties.stream().map(departmentOf::get).filter(d -> d != null).forEach(candidates::add);
        Collections.shuffle(candidates, random);
        return List.copyOf(candidates.subList(0, Math.min(candidates.size(), min + random.nextInt(3 - min))));
    }

    /**
     * The date of a record's next step: mostly up to 40 days after its latest one; one time in twelve before it,
     * which the ledger refuses wherever a step may not be dated before the previous one.
     */
    private LocalDate nextDate(Random random, LocalDate cursor) {
        return random.nextInt(12) == 0 ? cursor.minusDays(1 + random.nextInt(60)) : cursor.plusDays(random.nextInt(41));
    }

    private static LocalDate date(Random random, int fromDay, int toDay) {
        return EPOCH.plusDays(fromDay + random.nextInt(toDay - fromDay));
    }

    /** Exact yuan with up to two decimals, from 1元 to about 50亿元, as text in yuan. */
    private static String amount(Random random) {
        BigDecimal yuan = BigDecimal.valueOf(1 + (long) (random.nextDouble() * 5_000_000_000L));
        return random.nextBoolean() ? yuan.toPlainString()
                : yuan.add(BigDecimal.valueOf(random.nextInt(100), 2)).toPlainString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A random of its own for record {@code index} of kind {@code kind}, the same for the same seed. */
    private Random randomFor(int kind, int index) {
        return new Random(seed * 1_000_003L + kind * 10_007L + index);
    }

    private void inParallel(List<Runnable> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = tasks.stream().<Future<?>>map(pool::submit).toList();
            for (Future<?> task : running) {
                task.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("writing the histories failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
