package coop.ledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact amount of Chinese yuan (元, CNY), e.g. an agreed investment (协议投资) or a compensation payment.
 * Held as a {@link BigDecimal} of yuan with at most two decimals (分); never a floating-point number.
 * Sources write amounts in 亿元 (10^8 yuan) and 万元 (10^4 yuan); {@link #parse} accepts those units.
 */
public record Money(BigDecimal yuan) implements Comparable<Money> {

    private static final BigDecimal WAN = new BigDecimal("10000");
    private static final BigDecimal YI = new BigDecimal("100000000");
    private static final Pattern AMOUNT = Pattern.compile(
            "^\\s*([+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?)\\s*(亿元|亿|万元|万|元|yuan|CNY)?\\s*$");
    private static final int MAX_DIGITS = 20;

    public Money {
        Objects.requireNonNull(yuan, "yuan");
        if (yuan.scale() > 2 && yuan.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount has at most two decimals of yuan (fen): " + yuan.toPlainString());
        }
        if (yuan.precision() - yuan.scale() > MAX_DIGITS) {
            throw new IllegalArgumentException("amount is too large: " + yuan.toPlainString());
        }
        yuan = normalise(yuan);
    }

    public static Money ofYuan(String yuan) {
        return new Money(new BigDecimal(yuan));
    }

    /**
     * Reads "3790000000", "37.9亿元", "1100万元", "1,100万" or "12.5元" into exact yuan.
     *
     * @throws IllegalArgumentException when the text is not an amount
     */
    public static Money parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("amount is missing");
        }
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an amount: \"" + abbreviate(text)
                    + "\" (write yuan, or a number followed by 亿元 or 万元, e.g. \"37.9亿元\")");
        }
        BigDecimal number = new BigDecimal(m.group(1).replace(",", ""));
        String unit = m.group(2) == null ? "元" : m.group(2);
        BigDecimal factor = unit.startsWith("亿") ? YI : unit.startsWith("万") ? WAN : BigDecimal.ONE;
        return new Money(number.multiply(factor));
    }

    /**
     * Reads an amount from JSON: a string in any form {@link #parse} accepts, or a plain number of yuan (read
     * exactly when the mapper keeps floats as BigDecimal, as the ledger's does).
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money fromJson(Object value) {
        if (value instanceof String text) {
            return parse(text);
        }
        if (value instanceof BigDecimal number) {
            return new Money(number);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return new Money(new BigDecimal(value.toString()));
        }
        if (value instanceof Number number) {
            return parse(number.toString());
        }
        throw new IllegalArgumentException("not an amount: expected a number of yuan or a text such as \"37.9亿元\"");
    }

    public boolean isPositive() {
        return yuan.signum() > 0;
    }

    public Money plus(Money other) {
        return new Money(yuan.add(other.yuan));
    }

    public static Money zero() {
        return new Money(BigDecimal.ZERO);
    }

    /** The plain yuan figure, e.g. "3790000000" or "12.5": what is stored and exchanged. */
    @JsonValue
    public String plain() {
        return yuan.toPlainString();
    }

    /** The figure as Chinese sources write it: 亿元 from 10^8, 万元 from 10^4, otherwise 元. */
    public String toChinese() {
        BigDecimal abs = yuan.abs();
        if (abs.compareTo(YI) >= 0) {
            return unitText(8, "亿元");
        }
        if (abs.compareTo(WAN) >= 0) {
            return unitText(4, "万元");
        }
        return yuan.toPlainString() + "元";
    }

    /** Exact: moving the decimal point never rounds, so the text shows every fen the amount holds. */
    private String unitText(int powerOfTen, String suffix) {
        return yuan.movePointLeft(powerOfTen).stripTrailingZeros().toPlainString() + suffix;
    }

    @Override
    public int compareTo(Money o) {
        return yuan.compareTo(o.yuan);
    }

    @Override
    public String toString() {
        return plain() + " yuan";
    }

    private static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
