package coop.ledger.testdata;

import coop.ledger.project.api.CancelProjectCommand;
import coop.ledger.project.api.CompleteProjectCommand;
import coop.ledger.project.api.FirmUpProjectCommand;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectCancelledEvent;
import coop.ledger.project.api.ProjectCompletedEvent;
import coop.ledger.project.api.ProjectConstructionStartedEvent;
import coop.ledger.project.api.ProjectFirmedUpEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.project.api.ReportInvestmentCommand;
import coop.ledger.project.api.SignProjectCommand;
import coop.ledger.project.api.StartProjectConstructionCommand;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.Provenance;

import java.time.LocalDate;
import java.util.List;

import static coop.ledger.testdata.Parties.SAIC_HONGYAN;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.ZBJ;

/**
 * Signed projects (签约项目) from the sources: the enterprises that moved into the Liangjiang digital-economy park in
 * Wanzhou (两江数字经济产业园万州园, six enterprises, 协议投资12.1亿元, reported only as a total), and 上汽红岩's
 * intention (意向性合作协议) at the Wan-Kai-Yun industrial signing. Each builder yields the command and the event it
 * should produce; the milestone helpers give the events of a project's later life.
 */
public final class Projects {

    public static final String DIGITAL_PARK = "wanzhou-digital-park-2021";
    public static final String DIGITAL_PARK_NAME = "两江数字经济产业园万州园入园项目";
    public static final LocalDate SIGNED_ON = LocalDate.of(2021, 5, 20);
    public static final String HONGYAN_INTENTION = "wky-2021-saic-hongyan";

    public static final LocalDate FIRMED_UP_ON = LocalDate.of(2021, 7, 1);
    public static final LocalDate STARTED_ON = LocalDate.of(2021, 8, 18);
    public static final LocalDate COMPLETED_ON = LocalDate.of(2022, 6, 30);
    public static final LocalDate CANCELLED_ON = LocalDate.of(2021, 12, 31);
    public static final String CANCEL_REASON = "企业调整投资计划";

    private Projects() {
    }

    public static ProjectSignedEvent digitalParkSigned() {
        return signing().event();
    }

    /** 上汽红岩's intention, hosted by Wanzhou, with no amount reported. */
    public static Signing hongyanIntention() {
        return signing().id(HONGYAN_INTENTION).name("上汽红岩万开云产业协同发展合作项目").investors(SAIC_HONGYAN)
                .occasion("万开云产业协同发展项目集中签约").domain(CooperationDomain.INDUSTRY).agreedInvestment(null)
                .intention(true).projectCount(null).note(null);
    }

    public static ProjectSignedEvent hongyanIntentionSigned() {
        return hongyanIntention().event();
    }

    public static Signing signing() {
        return new Signing();
    }

    public static Reporting report() {
        return new Reporting();
    }

    public static ProjectFirmedUpEvent firmedUp(String projectId) {
        return new ProjectFirmedUpEvent(projectId, FIRMED_UP_ON, null);
    }

    public static ProjectConstructionStartedEvent started(String projectId) {
        return new ProjectConstructionStartedEvent(projectId, STARTED_ON);
    }

    public static ProjectCompletedEvent completed(String projectId) {
        return new ProjectCompletedEvent(projectId, COMPLETED_ON);
    }

    public static ProjectCancelledEvent cancelled(String projectId) {
        return new ProjectCancelledEvent(projectId, CANCELLED_ON, CANCEL_REASON);
    }

    public static FirmUpProjectCommand firmUp(String projectId, LocalDate on, String agreedInvestment) {
        return new FirmUpProjectCommand(projectId, on, agreedInvestment == null ? null : Money.parse(agreedInvestment),
                null);
    }

    public static StartProjectConstructionCommand start(String projectId, LocalDate on) {
        return new StartProjectConstructionCommand(projectId, on, null);
    }

    public static CompleteProjectCommand complete(String projectId, LocalDate on) {
        return new CompleteProjectCommand(projectId, on, null);
    }

    public static CancelProjectCommand cancel(String projectId, LocalDate on, String reason) {
        return new CancelProjectCommand(projectId, on, reason, null);
    }

    /** The signing of the digital-park batch, unless told otherwise. */
    public static final class Signing {
        private String projectId = DIGITAL_PARK;
        private String name = DIGITAL_PARK_NAME;
        private List<String> investors = List.of(ZBJ);
        private List<String> hostParties = List.of(WANZHOU);
        private String occasion = "两江数字经济产业园万州园挂牌运营";
        private String agreementId = null;
        private CooperationDomain domain = CooperationDomain.INNOVATION;
        private Money agreedInvestment = Money.parse("12.1亿元");
        private LocalDate signedOn = SIGNED_ON;
        private boolean intention = false;
        private Integer projectCount = 6;
        private String note = "来源只报告6家入园企业的协议总投资";
        private Money plannedInvestment = null;
        private Provenance provenance = null;

        public Signing id(String value) {
            projectId = value;
            return this;
        }

        public Signing name(String value) {
            name = value;
            return this;
        }

        public Signing investors(String... codes) {
            investors = List.of(codes);
            return this;
        }

        /** Lists may hold null or repeated codes here, to test the rules about them. */
        public Signing investors(List<String> codes) {
            investors = codes;
            return this;
        }

        public Signing hostParties(String... codes) {
            hostParties = List.of(codes);
            return this;
        }

        public Signing occasion(String value) {
            occasion = value;
            return this;
        }

        public Signing agreementId(String value) {
            agreementId = value;
            return this;
        }

        public Signing domain(CooperationDomain value) {
            domain = value;
            return this;
        }

        /** An amount as the sources write it ("12.1亿元"), or null for none reported. */
        public Signing agreedInvestment(String value) {
            agreedInvestment = value == null ? null : Money.parse(value);
            return this;
        }

        public Signing signedOn(LocalDate value) {
            signedOn = value;
            return this;
        }

        public Signing intention(boolean value) {
            intention = value;
            return this;
        }

        /** The count the command carries; null means one project. */
        public Signing projectCount(Integer value) {
            projectCount = value;
            return this;
        }

        public Signing note(String value) {
            note = value;
            return this;
        }

        /** A total planned investment (总投资) as the sources write it ("40.27亿元"), or null for none. */
        public Signing plannedInvestment(String value) {
            plannedInvestment = value == null ? null : Money.parse(value);
            return this;
        }

        public Signing provenance(Provenance value) {
            provenance = value;
            return this;
        }

        public SignProjectCommand command() {
            return new SignProjectCommand(projectId, name, investors, hostParties, occasion, agreementId, domain,
                    agreedInvestment, signedOn, intention, projectCount, note, plannedInvestment, provenance);
        }

        public ProjectSignedEvent event() {
            return new ProjectSignedEvent(projectId, name, investors, hostParties, occasion, agreementId, domain,
                    agreedInvestment, signedOn, intention, projectCount == null ? 1 : projectCount, note,
                    plannedInvestment, Provenance.normalised(provenance));
        }
    }

    /** A report of actual investment in the digital-park batch: 1,100万元 in the third quarter of 2021. */
    public static final class Reporting {
        private String projectId = DIGITAL_PARK;
        private String reportId = "2021-q3";
        private Money amount = Money.parse("1100万元");
        private LocalDate reportedOn = LocalDate.of(2021, 9, 30);
        private String note = "第三季度完成投资";
        private Long expectedVersion = null;

        public Reporting project(String value) {
            projectId = value;
            return this;
        }

        public Reporting id(String value) {
            reportId = value;
            return this;
        }

        public Reporting amount(String value) {
            amount = Money.parse(value);
            return this;
        }

        public Reporting reportedOn(LocalDate value) {
            reportedOn = value;
            return this;
        }

        public Reporting note(String value) {
            note = value;
            return this;
        }

        public Reporting expectedVersion(Long value) {
            expectedVersion = value;
            return this;
        }

        public ReportInvestmentCommand command() {
            return new ReportInvestmentCommand(projectId, reportId, amount, reportedOn, note, expectedVersion);
        }

        public InvestmentReportedEvent event() {
            return new InvestmentReportedEvent(projectId, reportId, amount, reportedOn, note);
        }
    }
}
