package coop.ledger.shared.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The {@code hash-password} mode of the application jar: prints the bcrypt hash to put in
 * {@code ledger.security.users.<name>.password-hash}. The password is read from the terminal without echo, or
 * from standard input, never from the command line (where it would stay in the shell history).
 */
public final class HashPassword {

    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        String password = readPassword();
        if (password == null || password.isEmpty()) {
            System.err.println("no password given");
            System.exit(2);
        }
        System.out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
    }

    private static String readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
