package dev.telar.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the settings file's text into raw values with their line and column. The only class that
 * touches Jackson: the loader calls it only when there is a file, so a start without one never
 * loads the YAML parser.
 *
 * <p>Jackson's streaming parser is used rather than a tree because only the stream tells where
 * each key and value stands (its {@link JsonLocation}), and every message must point there.
 */
final class YamlSettingsFile {
    /** An empty value ({@code theme:}) reads as null, i.e. "keep the default", not as the text "". */
    private static final YAMLFactory YAML = YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    private final String name;
    private final JsonParser parser;
    private final Map<SettingKey, RawValue> values = new EnumMap<>(SettingKey.class);
    /** Line of each key seen, to report a key given twice. */
    private final Map<String, Integer> seen = new HashMap<>();

    private YamlSettingsFile(String name, JsonParser parser) {
        this.name = name;
        this.parser = parser;
    }

    /**
     * The values in {@code text}; keys absent from the file are absent from the map.
     *
     * @param name how messages name the file (its path)
     * @throws SettingsException for malformed YAML, an unknown or repeated key, or a section that is not a block
     */
    static Map<SettingKey, RawValue> parse(String text, String name) {
        try (JsonParser parser = YAML.createParser(text)) {
            YamlSettingsFile file = new YamlSettingsFile(name, parser);
            file.readDocument();
            return file.values;
        } catch (StreamReadException e) {
            throw malformed(name, e);
        } catch (IOException e) {
            // Reading from a string fails only through the parser, caught above.
            throw SettingsException.of("yaml.failed", name, String.valueOf(e.getMessage()));
        }
    }

    private void readDocument() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null || first == JsonToken.VALUE_NULL) {
            return; // empty, or only comments: every setting keeps its default
        }
        if (first != JsonToken.START_OBJECT) {
            Object got = first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY ? shape(first) : parser.getText();
            throw error(here(), "yaml.notmapping", got);
        }
        readBlock("");
        JsonToken next = parser.nextToken();
        if (next != null) {
            throw error(here(), "yaml.twodocuments");
        }
    }

    /** Reads the keys of a block up to its end; {@code section} is empty at the top. */
    private void readBlock(String section) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            String path = section.isEmpty() ? key : section + "." + key;
            Integer before = seen.putIfAbsent(path, at.getLineNr());
            if (before != null) {
                throw error(at, "yaml.twice", path, before);
            }
            JsonToken value = parser.nextToken();
            if (section.isEmpty() && SettingKey.SECTIONS.contains(key)) {
                readSection(key, value);
                continue;
            }
            Optional<SettingKey> setting = SettingKey.byPath(path);
            if (setting.isEmpty()) {
                throw unknownKey(at, section, key);
            }
            values.put(setting.get(), rawValue(value));
        }
    }

    private void readSection(String section, JsonToken value) throws IOException {
        if (value == JsonToken.START_OBJECT) {
            readBlock(section);
        } else if (value != JsonToken.VALUE_NULL) {
            Object shown = shape(value);
            parser.skipChildren();
            throw error(here(), "yaml.notblock", section, String.join(", ", SettingKey.namesUnder(section)), shown);
        }
    }

    private RawValue rawValue(JsonToken token) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        Origin origin = Origin.file(name, at.getLineNr(), at.getColumnNr());
        return switch (token) {
            case START_OBJECT -> {
                parser.skipChildren();
                yield new RawValue("", RawValue.Shape.MAPPING, origin);
            }
            case START_ARRAY -> {
                parser.skipChildren();
                yield new RawValue("", RawValue.Shape.LIST, origin);
            }
            case VALUE_NULL -> new RawValue("", RawValue.Shape.NULL, origin);
            default -> RawValue.scalar(parser.getText(), origin);
        };
    }

    /** What the file holds at {@code token}: a phrase for a block or list, else the quoted text. */
    private Object shape(JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> new Phrase("shown.block");
            case START_ARRAY -> new Phrase("shown.list");
            default -> "'" + parser.getText() + "'";
        };
    }

    private SettingsException unknownKey(JsonLocation at, String section, String key) {
        String typed = section.isEmpty() ? key : section + "." + key;
        String valid = String.join(", ", SettingKey.namesUnder(section));
        return Suggestions.closest(key, SettingKey.namesUnder(section))
                .map(s -> error(at, "yaml.unknownkey.suggest", typed, section.isEmpty() ? s : section + "." + s))
                .orElseGet(() -> section.isEmpty() ? error(at, "yaml.unknownkey", typed, valid)
                        : error(at, "yaml.unknownkey.section", typed, section, valid));
    }

    private JsonLocation here() {
        return parser.currentTokenLocation();
    }

    /** The mistake {@code key}, its first argument the place in the file. */
    private SettingsException error(JsonLocation at, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = name + ":" + at.getLineNr() + ":" + at.getColumnNr();
        System.arraycopy(args, 0, all, 1, args.length);
        return SettingsException.of(key, all);
    }

    /**
     * One line for a YAML syntax error. SnakeYAML, which Jackson parses with, marks the problem more
     * precisely than the parser's last token location, so its mark is preferred when present.
     */
    private static SettingsException malformed(String name, StreamReadException e) {
        long line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
        long column = e.getLocation() != null ? e.getLocation().getColumnNr() : 0;
        String problem = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null && yaml.getProblem() != null) {
            // At the end of the stream (an unclosed quote or bracket) the start of what was open says more.
            boolean atEnd = yaml.getProblem().contains("end of stream");
            Mark mark = atEnd && yaml.getContextMark() != null ? yaml.getContextMark() : yaml.getProblemMark();
            line = mark.getLine() + 1L;
            column = mark.getColumn() + 1L;
            problem = (atEnd && yaml.getContext() != null ? yaml.getContext() + ": " : "") + yaml.getProblem();
        }
        String where = name + ":" + line + ":" + column;
        if (problem.contains("(TAB)")) {
            // SnakeYAML's own wording ("found character '\t(TAB)' that cannot start any token") hides the fix.
            return SettingsException.of("yaml.malformed.tab", where);
        }
        return SettingsException.of(problem.contains("quoted scalar") ? "yaml.malformed.quote" : "yaml.malformed",
                where, problemPhrase(oneLine(problem)));
    }

    /**
     * SnakeYAML states its problems in English; the common ones are in the bundle under
     * {@code yaml.problem.} with SnakeYAML's wording as their English text, and so read in the
     * message's language. Any other is shown as SnakeYAML wrote it.
     */
    private static Object problemPhrase(String problem) {
        return ConfigMessages.keyOfEnglish("yaml.problem.", problem).<Object>map(k -> new Phrase(k)).orElse(problem);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ").replaceAll("\\.$", "");
    }
}
