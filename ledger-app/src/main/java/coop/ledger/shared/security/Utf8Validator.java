package coop.ledger.shared.security;

import coop.ledger.shared.web.InvalidUtf8Exception;

/**
 * Checks a byte stream against RFC 3629 as it passes: no overlong forms, no surrogates, nothing above U+10FFFF, no
 * truncated sequence at the end. Jackson decodes some of these silently (an overlong "/" or a lone surrogate), so
 * text bodies are checked before they reach it.
 */
final class Utf8Validator {

    private long offset;
    private int pending;
    private int nextLow = 0x80;
    private int nextHigh = 0xBF;

    void accept(byte[] buffer, int from, int length) throws InvalidUtf8Exception {
        for (int i = from; i < from + length; i++) {
            accept(buffer[i] & 0xFF);
        }
    }

    void accept(int b) throws InvalidUtf8Exception {
        if (pending > 0) {
            if (b < nextLow || b > nextHigh) {
                throw new InvalidUtf8Exception(offset);
            }
            pending--;
            nextLow = 0x80;
            nextHigh = 0xBF;
        } else if (b >= 0x80) {
            if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                nextLow = b == 0xE0 ? 0xA0 : 0x80;
                nextHigh = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                nextLow = b == 0xF0 ? 0x90 : 0x80;
                nextHigh = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw new InvalidUtf8Exception(offset);
            }
        }
        offset++;
    }

    void end() throws InvalidUtf8Exception {
        if (pending > 0) {
            throw new InvalidUtf8Exception(offset);
        }
    }
}
