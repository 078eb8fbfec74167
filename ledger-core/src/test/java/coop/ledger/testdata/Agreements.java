package coop.ledger.testdata;

import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.CooperationItemListedEvent;
import coop.ledger.agreement.api.ListCooperationItemCommand;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.agreement.api.RecordPaymentCommand;
import coop.ledger.agreement.api.SignAgreementCommand;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static coop.ledger.testdata.Parties.DAZHOU;
import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.YUNYANG;

/**
 * Two agreements from the sources: the Wan-Da-Kai government-services framework agreement (万达开政务服务协同发展
 * 战略框架协议, signed 17 Sep 2020, Yunyang watching as observer) with its cross-region handling item, and the
 * Kaizhou-Yunyang Pengxi river compensation agreement (澎溪河流域生态补偿协议) that moved 1,100万元.
 * Each builder starts from the sample and yields the command and the event it should produce.
 */
public final class Agreements {

    public static final String GOV_SERVICES = "wdk-gov-services-2020";
    public static final String GOV_SERVICES_TITLE = "万达开政务服务协同发展战略框架协议";
    public static final LocalDate GOV_SERVICES_SIGNED_ON = LocalDate.of(2020, 9, 17);
    /** The agreement that later replaced {@link #GOV_SERVICES}; recorded in the sample directory. */
    public static final String GOV_SERVICES_2021 = "wdk-gov-services-2021";
    /** Never recorded. */
    public static final String UNRECORDED = "wdk-unrecorded";

    public static final String TONGBAN = "tongban-01";
    public static final LocalDate TONGBAN_LISTED_ON = LocalDate.of(2020, 9, 30);

    public static final String PENGXI = "kai-yun-pengxi";
    public static final LocalDate PENGXI_SIGNED_ON = LocalDate.of(2020, 6, 5);
    public static final String PENGXI_PAYMENT = "pengxi-2020-01";

    private Agreements() {
    }

    /** Agreement ids the sample directory knows as recorded. */
    public static List<String> recorded() {
        return List.of(GOV_SERVICES, GOV_SERVICES_2021, PENGXI);
    }

    public static AgreementSignedEvent govServicesSigned() {
        return signing().event();
    }

    public static CooperationItemListedEvent tongbanListed() {
        return listing().event();
    }

    public static AgreementSignedEvent pengxiSigned() {
        return signing().id(PENGXI).title("澎溪河流域横向生态补偿协议").kind(AgreementKind.ECOLOGICAL_COMPENSATION)
                .signatories(KAIZHOU, YUNYANG).observers().signedOn(PENGXI_SIGNED_ON).place("开州")
                .domains(CooperationDomain.ECOLOGY).summary("常态化联防联控澎溪河流域水质").event();
    }

    public static Signing signing() {
        return new Signing();
    }

    public static Listing listing() {
        return new Listing();
    }

    public static Paying payment() {
        return new Paying();
    }

    /** The signing of the government-services agreement, unless told otherwise. */
    public static final class Signing {
        private String agreementId = GOV_SERVICES;
        private String title = GOV_SERVICES_TITLE;
        private AgreementKind kind = AgreementKind.FRAMEWORK;
        private List<String> signatories = List.of(WANZHOU, DAZHOU, KAIZHOU);
        private List<String> observers = List.of(YUNYANG);
        private LocalDate signedOn = GOV_SERVICES_SIGNED_ON;
        private String place = "万州";
        private String occasion = null;
        private Set<CooperationDomain> domains = Set.of(CooperationDomain.GOVERNMENT_SERVICES);
        private String summary = "加快梳理跨区域通办政务服务事项";

        public Signing id(String value) {
            agreementId = value;
            return this;
        }

        public Signing title(String value) {
            title = value;
            return this;
        }

        public Signing kind(AgreementKind value) {
            kind = value;
            return this;
        }

        public Signing signatories(String... codes) {
            signatories = List.of(codes);
            return this;
        }

        /** Lists may hold null or repeated codes here, to test the rules about them. */
        public Signing signatories(List<String> codes) {
            signatories = codes;
            return this;
        }

        public Signing observers(String... codes) {
            observers = List.of(codes);
            return this;
        }

        public Signing signedOn(LocalDate value) {
            signedOn = value;
            return this;
        }

        public Signing place(String value) {
            place = value;
            return this;
        }

        public Signing occasion(String value) {
            occasion = value;
            return this;
        }

        public Signing domains(CooperationDomain... values) {
            domains = Set.of(values);
            return this;
        }

        public Signing summary(String value) {
            summary = value;
            return this;
        }

        public SignAgreementCommand command() {
            return new SignAgreementCommand(agreementId, title, kind, signatories, observers, signedOn, place,
                    occasion, domains, summary);
        }

        public AgreementSignedEvent event() {
            return new AgreementSignedEvent(agreementId, title, kind, signatories, observers, signedOn, place,
                    occasion, domains, summary);
        }
    }

    /** Listing the cross-region handling item (跨区域通办) on the government-services agreement. */
    public static final class Listing {
        private String itemId = TONGBAN;
        private String description = "梳理跨区域通办政务服务事项清单";
        private CooperationDomain domain = CooperationDomain.GOVERNMENT_SERVICES;
        private List<String> responsibleParties = List.of(WANZHOU, DAZHOU, KAIZHOU);
        private LocalDate dueOn = LocalDate.of(2020, 12, 31);
        private LocalDate listedOn = TONGBAN_LISTED_ON;
        private Long expectedVersion = null;
        private Integer itemCount = null;
        private String note = null;

        public Listing itemId(String value) {
            itemId = value;
            return this;
        }

        public Listing description(String value) {
            description = value;
            return this;
        }

        public Listing domain(CooperationDomain value) {
            domain = value;
            return this;
        }

        public Listing responsible(String... codes) {
            responsibleParties = List.of(codes);
            return this;
        }

        public Listing dueOn(LocalDate value) {
            dueOn = value;
            return this;
        }

        public Listing listedOn(LocalDate value) {
            listedOn = value;
            return this;
        }

        public Listing batch(int count, String why) {
            itemCount = count;
            note = why;
            return this;
        }

        public Listing expectedVersion(Long value) {
            expectedVersion = value;
            return this;
        }

        public ListCooperationItemCommand command() {
            return new ListCooperationItemCommand(GOV_SERVICES, itemId, description, domain, responsibleParties, dueOn,
                    listedOn, itemCount, note, expectedVersion);
        }

        public CooperationItemListedEvent event() {
            return new CooperationItemListedEvent(GOV_SERVICES, itemId, description, domain, responsibleParties,
                    dueOn, listedOn, itemCount, note);
        }
    }

    /** Yunyang's compensation to Kaizhou under the Pengxi river agreement: 1,100万元. */
    public static final class Paying {
        private String paymentId = PENGXI_PAYMENT;
        private String payer = YUNYANG;
        private String payee = KAIZHOU;
        private Money amount = Money.parse("1100万元");
        private LocalDate paidOn = LocalDate.of(2021, 1, 15);
        private String purpose = "流域横向生态补偿资金";

        public Paying id(String value) {
            paymentId = value;
            return this;
        }

        public Paying payer(String value) {
            payer = value;
            return this;
        }

        public Paying payee(String value) {
            payee = value;
            return this;
        }

        public Paying amount(String value) {
            amount = Money.parse(value);
            return this;
        }

        public Paying paidOn(LocalDate value) {
            paidOn = value;
            return this;
        }

        public RecordPaymentCommand command() {
            return new RecordPaymentCommand(PENGXI, paymentId, payer, payee, amount, paidOn, purpose, null);
        }

        public PaymentRecordedEvent event() {
            return new PaymentRecordedEvent(PENGXI, paymentId, payer, payee, amount, paidOn, purpose);
        }
    }
}
