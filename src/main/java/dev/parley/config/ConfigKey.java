package dev.parley.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The configuration key of a record component whose Java name cannot be the key (e.g. {@code rooms.default}:
 * "default" is a Java keyword), so that logs name the key an operator writes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ConfigKey {
    String value();
}
