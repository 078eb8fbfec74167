package coop.ledger.opendata;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar ledger-app.jar export-oc4ids FILE [--recorded-at=INSTANT] [--spring properties]}: writes the
 * OC4IDS project package of the signed projects to FILE (UTF-8 JSON), the same package {@code GET
 * /api/open-data/oc4ids} answers, without starting the web server. Exits 0 when written, 1 when the ledger holds no
 * signed project (by that instant), 64 on a usage error.
 */
public final class OpenDataCommandLine {

    private OpenDataCommandLine() {
    }

    public static int exportOc4ids(Class<?> application, String[] args, PrintStream err) throws Exception {
        List<String> springArgs = new ArrayList<>();
        Path file = null;
        Instant recordedAt = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--recorded-at=")) {
                String instant = args[i].substring("--recorded-at=".length());
                try {
                    recordedAt = Instant.parse(instant);
                } catch (DateTimeParseException e) {
                    err.println("--recorded-at must be an instant in UTC, e.g. 2021-06-01T12:00:00Z; got " + instant);
                    return 64;
                }
            } else if (args[i].startsWith("--")) {
                springArgs.add(args[i]);
            } else if (file == null) {
                file = Path.of(args[i]);
            }
        }
        if (file == null) {
            err.println("usage: java -jar ledger-app.jar export-oc4ids FILE.json [--recorded-at=INSTANT] "
                    + "[--ledger.data-dir=DIR]");
            return 64;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        // the file is the output; the application's own start-up log would bury the one line this prints
        // a command-line run stops right after: its H2 store is compacted fully then (see UncleanShutdownRepair)
        app.setDefaultProperties(Map.of("logging.level.root", "WARN", "spring.main.banner-mode", "off",
                "ledger.h2.compact-on-stop", "true"));
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
            Optional<Oc4ids.ProjectPackage> published = context.getBean(Oc4idsPublisher.class).publish(recordedAt);
            if (published.isEmpty()) {
                err.println(new NothingToPublishException(recordedAt).getMessage() + "; nothing written");
                return 1;
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                context.getBean(JsonMapper.class).writerWithDefaultPrettyPrinter().writeValue(out, published.get());
            }
            err.printf("exported %d projects as an OC4IDS %s project package to %s%n",
                    published.get().projects().size(), Oc4ids.VERSION, file);
            return 0;
        }
    }
}
