package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * One key as a key table names it: a special key (Enter, F1, an arrow…), matched whatever
 * modifier is held, or a character, matched only with exactly the Ctrl state given and never with
 * Alt (Alt combinations stay the terminal's).
 *
 * @param type      the key's type
 * @param character the character, for {@link KeyType#Character}; otherwise {@code '\0'}
 * @param ctrl      for a character: Ctrl is held
 */
public record Key(KeyType type, char character, boolean ctrl) {
    /** The plain character {@code c}. */
    public static Key of(char c) {
        return new Key(KeyType.Character, c, false);
    }

    /** The special key {@code type}. */
    public static Key of(KeyType type) {
        return new Key(type, '\0', false);
    }

    /** Ctrl and the letter {@code c}. */
    public static Key ctrl(char c) {
        return new Key(KeyType.Character, Character.toLowerCase(c), true);
    }

    /** True when {@code stroke} is this key. */
    public boolean matches(KeyStroke stroke) {
        if (stroke.getKeyType() != type) {
            return false;
        }
        if (type != KeyType.Character) {
            return true;
        }
        if (stroke.isAltDown() || stroke.isCtrlDown() != ctrl) {
            return false;
        }
        return ctrl ? Character.toLowerCase(stroke.getCharacter()) == character : stroke.getCharacter() == character;
    }

    /** The stroke this key sends (what a click on its hint presses). */
    public KeyStroke stroke() {
        return type == KeyType.Character ? new KeyStroke(character, ctrl, false) : new KeyStroke(type);
    }
}
