package dev.telar.tui.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void bytesInBinaryUnitsAtMostFiveCharacters() {
        assertThat(Units.bytes(0)).isEqualTo("0B");
        assertThat(Units.bytes(1023)).isEqualTo("1023B");
        assertThat(Units.bytes(1024)).isEqualTo("1.0K");
        assertThat(Units.bytes((long) (3.2 * (1L << 30)))).isEqualTo("3.2G");
        assertThat(Units.bytes((long) (23.5 * (1L << 30)))).isEqualTo("23.5G");
        assertThat(Units.bytes(235L << 20)).isEqualTo("235M");
        assertThat(Units.bytes((1L << 30) - 1)).isEqualTo("1024M");
        for (long b = 1; b > 0 && b < Long.MAX_VALUE / 3; b = b * 3 + 7) {
            assertThat(Units.bytes(b).length()).as("%d", b).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void uptimeWithAndWithoutDays() {
        assertThat(Units.uptime(3 * 86_400 + 4 * 3600 + 12 * 60 + 59)).isEqualTo("3d 04:12");
        assertThat(Units.uptime(59 * 60)).isEqualTo("00:59");
    }

    @Test
    void secondsWithoutTrailingZeros() {
        assertThat(Units.seconds(250)).isEqualTo("0.25s");
        assertThat(Units.seconds(500)).isEqualTo("0.5s");
        assertThat(Units.seconds(1000)).isEqualTo("1s");
        assertThat(Units.seconds(10_000)).isEqualTo("10s");
    }

    @Test
    void controlCharactersCannotReachTheTerminal() {
        assertThat(Units.printable("evil\u001b[2Jname\n")).isEqualTo("evil?[2Jname?");
        assertThat(Units.printable("plain")).isEqualTo("plain");
    }

    @Test
    void wrapBreaksAtSpacesAndCutsOnlyWhatDoesNotFit() {
        assertThat(Units.wrap("beyond 4 cores: up to 7% slower than 4; extra threads only take turns", 40, 2))
                .containsExactly("beyond 4 cores: up to 7% slower than 4;", "extra threads only take turns");
        assertThat(Units.wrap("one two three", 20, 3)).containsExactly("one two three");
        assertThat(Units.wrap("one two three four", 8, 2)).containsExactly("one two", "three fo");
        assertThat(Units.wrap("abcdefghij", 4, 3)).containsExactly("abcd", "efgh", "ij");
        assertThat(Units.wrap("text", 0, 2)).isEmpty();
        assertThat(Units.wrap("text", 5, 0)).isEmpty();
    }
}
