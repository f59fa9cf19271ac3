package org.apache.camel.component.mimecast.directory.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line (with its stack trace) of every logger at DEBUG, so that a test can assert that no secret
 * reaches any of them. Some loggers can be held at INFO, as the docs advise (Camel core's placeholder loggers,
 * HttpClient's wire loggers print raw values and traffic by design).
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> heldAtInfo;
    private final List<String> heldAtInfoLater = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final Level previousLevel;

    private LogCapture(List<String> heldAtInfo) {
        this.heldAtInfo = heldAtInfo;
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringWriter text = new StringWriter();
                text.append(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    event.getThrown().printStackTrace(new PrintWriter(text));
                }
                lines.add(text.toString());
            }
        };
        appender.start();
        LoggerConfig root = logging.getConfiguration().getRootLogger();
        previousLevel = root.getLevel();
        root.addAppender(appender, Level.DEBUG, null);
        root.setLevel(Level.DEBUG);
        heldAtInfo.forEach(name -> logging.getConfiguration().addLogger(name, new LoggerConfig(name, Level.INFO, true)));
        logging.updateLoggers();
    }

    /** Starts capturing at DEBUG, with the named loggers held at INFO. */
    public static LogCapture atDebug(List<String> heldAtInfo) {
        return new LogCapture(List.copyOf(heldAtInfo));
    }

    /** Holds more loggers at INFO from now on. */
    public void holdAtInfo(List<String> loggers) {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        loggers.forEach(name -> logging.getConfiguration().addLogger(name, new LoggerConfig(name, Level.INFO, true)));
        logging.updateLoggers();
        heldAtInfoLater.addAll(loggers);
    }

    public List<String> lines() {
        return lines;
    }

    /** Every captured line plus the full stack trace of each failure. */
    public List<String> linesAnd(Throwable... failures) {
        List<String> texts = new ArrayList<>(lines);
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            texts.add(trace.toString());
        }
        return texts;
    }

    @Override
    public void close() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = logging.getConfiguration().getRootLogger();
        root.removeAppender("capture");
        root.setLevel(previousLevel);
        heldAtInfo.forEach(name -> logging.getConfiguration().removeLogger(name));
        heldAtInfoLater.forEach(name -> logging.getConfiguration().removeLogger(name));
        logging.updateLoggers();
        appender.stop();
    }
}
