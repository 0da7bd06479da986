package io.hindsight.jira.testing;

import com.atlassian.sal.api.message.I18nResolver;

import java.io.InputStream;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The app's i18n file read as Jira reads it; a key that is missing is an error here (Jira would show the
 * raw key to the user).
 */
public final class I18n implements I18nResolver {
    private final Properties props = new Properties();

    public I18n() {
        try (InputStream in = I18n.class.getResourceAsStream("/i18n/hindsight.properties")) {
            props.load(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read i18n/hindsight.properties", e);
        }
    }

    /** This file with one text replaced, as a translation would: shows a text reaches the user through the resolver. */
    public I18n with(String key, String text) {
        if (!props.containsKey(key)) throw new IllegalArgumentException("no i18n key '" + key + "' to translate");
        I18n translated = new I18n();
        translated.props.setProperty(key, text);
        return translated;
    }

    public Set<String> keys() {
        return props.stringPropertyNames();
    }

    public boolean has(String key) {
        return props.containsKey(key);
    }

    @Override
    public String getText(String key) {
        String v = props.getProperty(key);
        if (v == null) throw new IllegalArgumentException("i18n key '" + key + "' is missing from i18n/hindsight.properties");
        return new MessageFormat(v, Locale.ENGLISH).format(new Object[0]);
    }

    @Override
    public String getText(String key, Serializable... arguments) {
        String v = props.getProperty(key);
        if (v == null) throw new IllegalArgumentException("i18n key '" + key + "' is missing from i18n/hindsight.properties");
        return new MessageFormat(v, Locale.ENGLISH).format(arguments);
    }
}
