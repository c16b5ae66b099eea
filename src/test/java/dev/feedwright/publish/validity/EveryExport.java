package dev.feedwright.publish.validity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a test once per export of {@link Exports}: its one parameter is the {@link Export}. An
 * export whose corpus is not on this machine makes its run skipped, not passed. Exports are shared
 * by every test and closed (deleted) when the whole run ends, not after each invocation.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}", autoCloseArguments = false)
@ArgumentsSource(Exports.class)
@interface EveryExport {
}
