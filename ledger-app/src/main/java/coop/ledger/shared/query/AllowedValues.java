package coop.ledger.shared.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the values a query parameter takes from the very list the server checks it against: the static field
 * {@code field} of {@code in}, a {@code List} or {@code Set} of values or a {@code Map} whose keys are the values
 * (the sort fields of a read model). A {@code sort} parameter takes each field as {@code field}, {@code field,asc}
 * or {@code field,desc}, as {@link QueryParameters#page} reads it. Read by {@link QueryParameterDocumentation}; a
 * field that does not exist stops the application from starting, so the document cannot drift from the check.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedValues {

    Class<?> in();

    String field();

    boolean sort() default false;
}
