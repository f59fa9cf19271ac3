package org.apache.camel.component.mimecast.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs one emulator per test class and resets it before each test.
 *
 * <pre>
 * &#64;RegisterExtension
 * static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();
 *
 * &#64;Test
 * void test() {
 *     String group = mimecast.emulator().directory().createGroup("Sales").id();
 *     ...
 * }
 * </pre>
 */
public class MimecastEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final MimecastEmulator emulator;

    public MimecastEmulatorExtension() {
        this(MimecastEmulator.builder());
    }

    public MimecastEmulatorExtension(MimecastEmulator.Builder builder) {
        this.emulator = builder.build();
    }

    /** The emulator; started before the first test of the class. */
    public MimecastEmulator emulator() {
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.close();
    }
}
