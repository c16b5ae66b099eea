package dev.feedwright.publish;

/**
 * What every feed names as its generator.
 *
 * @param name    the program's name
 * @param version its version
 * @param uri     its home page
 */
public record Generator(String name, String version, String uri) {

    /** {@code Feedwright 0.1.0}. */
    @Override
    public String toString() {
        return name + " " + version;
    }
}
