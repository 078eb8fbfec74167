package coop.ledger.testdata;

import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.party.api.RegisterPartyCommand;

import java.time.LocalDate;
import java.util.List;

/** Parties of north-east Chongqing and east Sichuan, as the sources name them. */
public final class Parties {

    public static final String WANZHOU = "wanzhou";
    public static final String KAIZHOU = "kaizhou";
    public static final String YUNYANG = "yunyang";
    public static final String DAZHOU = "dazhou";
    public static final String LIANGPING = "liangping";
    public static final String WANZHOU_YIBAO = "wanzhou-yibao";
    /** Enterprises that invest in signed projects (签约项目). */
    public static final String SAIC_HONGYAN = "saic-hongyan";
    public static final String ZBJ = "zbj";
    /** A real county that the sample directory has not registered. */
    public static final String LINSHUI = "linshui";

    public static final LocalDate WANZHOU_YIBAO_ESTABLISHED_ON = LocalDate.of(2019, 3, 1);

    private Parties() {
    }

    public static PartyRegisteredEvent wanzhouRegistered() {
        return government(WANZHOU, "万州区", "Wanzhou District");
    }

    public static PartyRegisteredEvent kaizhouRegistered() {
        return government(KAIZHOU, "开州区", "Kaizhou District");
    }

    public static PartyRegisteredEvent yunyangRegistered() {
        return government(YUNYANG, "云阳县", "Yunyang County");
    }

    public static PartyRegisteredEvent dazhouRegistered() {
        return government(DAZHOU, "达州市", "Dazhou City");
    }

    public static PartyRegisteredEvent liangpingRegistered() {
        return government(LIANGPING, "梁平区", "Liangping District");
    }

    /** 上汽红岩, which signed an intention (意向性合作协议) at the Wan-Kai-Yun industrial signing. */
    public static PartyRegisteredEvent saicHongyanRegistered() {
        return new PartyRegisteredEvent(SAIC_HONGYAN, "上汽红岩汽车有限公司", "SAIC-IVECO Hongyan",
                PartyKind.STATE_OWNED_ENTERPRISE, null, null);
    }

    /** 猪八戒股份公司, which moved into the Liangjiang digital-economy park in Wanzhou. */
    public static PartyRegisteredEvent zbjRegistered() {
        return new PartyRegisteredEvent(ZBJ, "猪八戒股份有限公司", "ZBJ Network", PartyKind.PRIVATE_ENTERPRISE,
                null, null);
    }

    public static RegisterPartyCommand registerWanzhou() {
        return new RegisterPartyCommand(WANZHOU, "万州区", "Wanzhou District", PartyKind.GOVERNMENT, null, null);
    }

    public static RegisterPartyCommand registerWanzhouYibao() {
        return new RegisterPartyCommand(WANZHOU_YIBAO, "万州区医保局", "Wanzhou Medical Insurance Bureau",
                PartyKind.DEPARTMENT, WANZHOU, WANZHOU_YIBAO_ESTABLISHED_ON);
    }

    public static PartyRegisteredEvent wanzhouYibaoRegistered() {
        return new PartyRegisteredEvent(WANZHOU_YIBAO, "万州区医保局", "Wanzhou Medical Insurance Bureau",
                PartyKind.DEPARTMENT, WANZHOU, WANZHOU_YIBAO_ESTABLISHED_ON);
    }

    /** Every sample party that the sample directory knows. */
    public static List<PartyRegisteredEvent> registered() {
        return List.of(wanzhouRegistered(), kaizhouRegistered(), yunyangRegistered(), dazhouRegistered(),
                liangpingRegistered(), wanzhouYibaoRegistered(), saicHongyanRegistered(), zbjRegistered());
    }

    private static PartyRegisteredEvent government(String code, String nameZh, String nameEn) {
        return new PartyRegisteredEvent(code, nameZh, nameEn, PartyKind.GOVERNMENT, null, null);
    }
}
