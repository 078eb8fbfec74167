package coop.ledger.opendata;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The official OC4IDS 0.9 schema (test resources {@code oc4ids/}, copied unchanged from the standard, Apache 2.0:
 * see {@code oc4ids/LICENSE}) and its codelists, with a draft-04 validator. The package schema names the project
 * schema by its absolute id; that id is mapped to the copy on the classpath, so nothing is fetched.
 */
final class Oc4idsSchema {

    static final String ID = "https://standard.open-contracting.org/infrastructure/schema/0__9__5/";
    /**
     * Draft-04, knowing OC4IDS's own annotations ({@code codelist}, {@code openCodelist}, {@code versionId}), which
     * document the schema and validate nothing; the codelists are checked by the tests themselves.
     */
    private static final Dialect DRAFT_4_WITH_OC4IDS_ANNOTATIONS = Dialect.builder(Dialects.getDraft4())
            .keyword(new NonValidationKeyword("codelist"))
            .keyword(new NonValidationKeyword("openCodelist"))
            .keyword(new NonValidationKeyword("versionId"))
            .build();
    private static final Schema PACKAGE = SchemaRegistry.withDefaultDialect(DRAFT_4_WITH_OC4IDS_ANNOTATIONS,
                    builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(ID, "classpath:oc4ids/")))
            .getSchema(SchemaLocation.of(ID + "project-package-schema.json"));

    private Oc4idsSchema() {
    }

    /** What the schema finds wrong with {@code projectPackage}, one line each; empty when it validates. */
    static List<String> errorsIn(JsonNode projectPackage) {
        return PACKAGE.validate(projectPackage).stream().map(Error::toString).toList();
    }

    /** The codes of a codelist of the standard, e.g. "partyRole". */
    static Set<String> codelist(String name) {
        try (InputStream in = Oc4idsSchema.class.getResourceAsStream("/oc4ids/codelists/" + name + ".csv")) {
            if (in == null) {
                throw new IllegalArgumentException("no codelist " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",", 2)[0]).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> codes(String... codes) {
        return Set.copyOf(Arrays.asList(codes));
    }
}
