package coop.ledger.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated CSV import files: groups of 50 rows, each two parties, an agreement between them, 30 cooperation items
 * (a third started, a sixth of them completed) and 17 payments. With refusals, some groups also hold rows the rules
 * refuse: a party of an unknown kind, an item listed in the future, an item whose completion comes before its start
 * (refused after its listing was accepted: the whole row must go), a payment whose payer is its payee.
 */
public final class ImportFiles {

    public static final String HEADER = "record,code,nameZh,kind,id,title,signatories,signedOn,agreementId,itemId,"
            + "description,listedOn,startedOn,completedOn,evidence,paymentId,payer,payee,amount,paidOn";

    private ImportFiles() {
    }

    /** The lines of a file of about {@code rows} rows (whole groups of 50), header first; ids start with prefix. */
    public static List<String> csv(String prefix, int rows, boolean withRefusals) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int g = 0; lines.size() - 1 < rows; g++) {
            String a = prefix + "-p" + g + "a";
            String b = prefix + "-p" + g + "b";
            String agreement = prefix + "-ag" + g;
            boolean refusals = withRefusals && g % 3 == 1;
            lines.add(party(a, "区县" + g + "甲"));
            lines.add(party(b, "区县" + g + "乙"));
            lines.add("agreement,,,COOPERATION," + agreement + ",川渝合作协议第" + g + "号," + a + "|" + b
                    + ",2020-06-16,,,,,,,,,,,,");
            for (int i = 0; i < 30; i++) {
                String started = i % 3 == 0 ? "2020-07-0" + (1 + i % 9) : "";
                String completed = i % 6 == 0 ? "2020-08-1" + (i % 9) : "";
                String evidence = completed.isEmpty() ? "" : "验收报告" + i;
                lines.add("agreement-item,,,,,,,," + agreement + ",item-" + i + ",合作事项" + i + "：共建共享,2020-06-16,"
                        + started + "," + completed + "," + evidence + ",,,,,");
            }
            for (int p = 0; p < 17; p++) {
                lines.add("agreement-payment,,,,,,,," + agreement + ",,,,,,,pay-" + p + "," + a + "," + b + ","
                        + (p + 1) + ".25万元,2020-09-" + (10 + p % 18));
            }
            if (refusals) {
                lines.set(lines.size() - 45, party(prefix + "-bad" + g, "错误类型") .replace("GOVERNMENT", "NOT-A-KIND"));
                lines.set(lines.size() - 30, "agreement-item,,,,,,,," + agreement + ",late-" + g
                        + ",未来事项,2999-01-01,,,,,,,,");
                lines.set(lines.size() - 20, "agreement-item,,,,,,,," + agreement + ",backwards-" + g
                        + ",先完成后开始,2020-06-16,2020-07-20,2020-07-01,验收,,,,,");
                lines.set(lines.size() - 5, "agreement-payment,,,,,,,," + agreement + ",,,,,,,self-" + g + "," + a
                        + "," + a + ",1万元,2020-09-10");
            }
        }
        return lines;
    }

    private static String party(String code, String name) {
        return "party," + code + "," + name + ",GOVERNMENT,,,,,,,,,,,,,,,,";
    }
}
